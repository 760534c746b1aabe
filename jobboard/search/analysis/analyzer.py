"""Text analysis shared by documents and queries: NFKC, lowercase, Traditional→Simplified,
jieba segmentation with the domain dictionary, and Porter stemming of Latin words.

Whoosh pickles the schema, analyzers included, into the index: every class here is module-level,
keeps no unpicklable state, and loads rjieba, the dictionaries and OpenCC lazily, once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.analysis import CompositeAnalyzer, Filter, Token, Tokenizer

from jobboard.search.analysis.lexicon import RESOURCES, stem_word
from jobboard.search.analysis.script import HAN, is_han, normalize_script

# Bump when the token stream changes for the same text: the schema fingerprint follows it.
ANALYSIS_VERSION = 3

_WORD_CHAR = rf"[^\W_{HAN}]"
# Han runs go to jieba; everything else is split into words, keeping "c++", "c#", "node.js", "r&d".
_CHUNKS = re.compile(rf"(?P<han>[{HAN}]+)|(?P<word>{_WORD_CHAR}+(?:[.&]{_WORD_CHAR}+)*(?:\+\+|#)?)")
LATIN_WORDS = re.compile(rf"{_WORD_CHAR}+(?:[.&]{_WORD_CHAR}+)*(?:\+\+|#)?")

# Function words only ("it" stays: IT support). A typed AND/OR/NOT is a word here, and dropped.
ENGLISH_STOPWORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is",
     "of", "on", "or", "not", "the", "to", "with", "was", "were", "will", "we", "you", "your", "our",
     "their", "this", "that", "these", "those")
)  # fmt: skip
# Single Han characters that carry no meaning in a query (single characters are not indexed anyway).
CHINESE_STOP_CHARS = frozenset("的了和与及或等在是对把被为从")


def normalize(text: str) -> str:
    """The text every token is cut from: NFKC, lowercase, Simplified Chinese."""
    RESOURCES.ensure_loaded()
    return RESOURCES.to_simplified(normalize_script(text))


@dataclass(frozen=True, slots=True)
class Piece:
    """One indexed word with its character span in the normalized text and its word position."""

    text: str
    start: int
    end: int
    pos: int
    latin: bool


def _han_pieces(run: str, offset: int, pos: int) -> tuple[list[Piece], int]:
    """Every dictionary word of two or more characters inside a Han run, at the position of the
    precise-mode word where it starts.

    jieba's search mode only adds the 2- and 3-character sub-words of each word, and a domain word can
    swallow a neighbour (超快激光|器 loses 激光器); every dictionary word found in the run (full mode)
    plus the precise words (which include HMM-found names) misses neither.
    """
    import rjieba

    precise = rjieba.tokenize(run, "default", True)
    word_pos = [0] * (len(run) + 1)
    for index, (_word, start, end) in enumerate(precise):
        for char_index in range(start, end):
            word_pos[char_index] = pos + index
    spans: dict[tuple[int, int], str] = {}
    for word, start, end in precise:
        if end - start >= 2:
            spans[(start, end)] = word
    cursor, seen_at_cursor = 0, set[str]()
    for word in rjieba.cut_all(run):
        # cut_all yields words by start offset, each start once per word: recover the offsets.
        start = run.find(word, cursor)
        if start == cursor and word in seen_at_cursor:
            start = run.find(word, cursor + 1)
        if start < 0:
            continue
        if start != cursor:
            cursor, seen_at_cursor = start, set()
        seen_at_cursor.add(word)
        if len(word) >= 2 and is_han(word):
            spans[(start, start + len(word))] = word
    pieces = [
        Piece(word, offset + start, offset + end, word_pos[start], False)
        for (start, end), word in sorted(spans.items())
    ]
    return pieces, pos + len(precise)


def pieces(normalized: str) -> Iterator[Piece]:
    """The indexed words of already-normalized text, in order of position (Whoosh delta-encodes them)."""
    pos = 0
    for match in _CHUNKS.finditer(normalized):
        han = match.group("han")
        if han is not None:
            han_pieces, pos = _han_pieces(han, match.start(), pos)
            yield from han_pieces
            continue
        word = match.group("word")
        if word in ENGLISH_STOPWORDS:
            continue
        yield Piece(word, match.start(), match.end(), pos, True)
        pos += 1


class BilingualTokenizer(Tokenizer):
    """Normalizes, then cuts Han runs with jieba and the rest into words (see ``pieces``)."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for piece in pieces(normalize(value)):
            token.text = piece.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = piece.text
            if positions:
                token.pos = start_pos + piece.pos
            if chars:
                token.startchar = start_char + piece.start
                token.endchar = start_char + piece.end
            yield token


class LatinStemFilter(Filter):
    """English stemming (Porter) of Latin words; Whoosh skips it for the unstemmed spelling words."""

    is_morph = True

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = stem_word(token.text)
            yield token


def bilingual_analyzer() -> CompositeAnalyzer:
    return BilingualTokenizer() | LatinStemFilter()


def index_terms(text: str) -> list[str]:
    """The terms a document field gets for ``text`` (handy in tests and when tuning)."""
    return [token.text for token in bilingual_analyzer()(text)]


@dataclass(frozen=True, slots=True)
class QueryWord:
    """A word of a query: ``term`` as indexed, ``surface`` as typed (normalized, unstemmed)."""

    term: str
    surface: str
    latin: bool

    @property
    def single_han(self) -> bool:
        return not self.latin and len(self.term) == 1


def query_words(text: str) -> list[QueryWord]:
    """The words of a query, cut the way a reader would: precise jieba mode without HMM, so that
    every multi-character Han word is a dictionary word, which the indexed full-mode pieces contain.
    """
    import rjieba

    normalized = normalize(text)
    words: list[QueryWord] = []
    for match in _CHUNKS.finditer(normalized):
        han = match.group("han")
        if han is None:
            word = match.group("word")
            if word not in ENGLISH_STOPWORDS:
                words.append(QueryWord(stem_word(word), word, True))
            continue
        for word in rjieba.cut(han, False):
            if word not in CHINESE_STOP_CHARS:
                words.append(QueryWord(word, word, False))
    return words


def han_cover(word: str) -> list[str]:
    """The fewest dictionary words (two characters or more) that spell ``word``, or [] if none do.

    Lets 光纤激光器 also find "光纤、激光器" and 芯片设计 find "设计芯片", at a lower weight.
    """
    import rjieba

    RESOURCES.ensure_loaded()
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            prefix = best[start]
            part = word[start:end]
            if prefix is None or part == word or not rjieba.has_word(part):
                continue
            candidate = [*prefix, part]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[n] or []
