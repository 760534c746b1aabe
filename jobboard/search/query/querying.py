"""User text → a Whoosh query. No query syntax: every string is words, so nothing a visitor types
(quotes, AND/OR/NOT, brackets, a lone ``*``) can make the parser fail.

Each word or glossary term of the query is a *concept*: what was typed, its glossary synonyms and,
for a misspelled English word, its corrections from the index's vocabulary, all weighted below the
typed form. A posting must match every concept; when only a few do, postings matching some of them
follow (``PlannedQuery.fallback``), except through a concept found in most postings alone.
Every concept searches all text fields with the title first (BM25F, field weights below).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.reading import IndexReader

from jobboard.search.analysis.analyzer import QueryWord, han_cover, query_words
from jobboard.search.analysis.glossary import Variant, load_glossary
from jobboard.search.analysis.lexicon import stem_word
from jobboard.search.index.schema import SPELLING_FIELD

FIELD_WEIGHTS: dict[str, float] = {
    "title": 4.0,
    "title_en": 4.0,
    "requirements": 1.6,
    "description": 1.0,
    "company": 1.0,
}
SYNONYM_WEIGHT = 0.6  # a glossary synonym counts this much of the typed term
COVER_WEIGHT = 0.5  # 光纤激光器 found as 光纤 … 激光器
CORRECTION_WEIGHT = 0.9  # the best spelling correction of a word the index doesn't know
PHRASE_BONUS = 0.5  # typed English words found next to each other
STRICT_BOOST = 100.0  # in the fallback, postings matching every concept stay first
COMMON_SHARE = 0.5  # a concept in more of the postings than this says little about what is wanted
MAX_QUERY_CHARS = 200  # a 1,000-character paste is cut here: nobody means its tail
MAX_WORDS = 12
MIN_CORRECTED_LENGTH = 4


@dataclass(frozen=True)
class Leaf:
    """A term, a phrase of terms or a prefix, searched in every text field (``FIELD_WEIGHTS``).

    A "phrase" is its words in the same field, without checking positions: titles and glossary
    terms are short, and position checks are what makes phrase search slow.
    """

    kind: str  # "term" | "phrase" | "prefix"
    terms: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Group:
    """All (``and``) or any (``or``) of its children, or (``andmaybe``, two children, no weight) where
    the first matches; a document's score is the sum of the children it matches."""

    op: str
    children: tuple[Node, ...]
    weight: float = 1.0


Node = Leaf | Group


def all_of(children: list[Node], weight: float = 1.0) -> Node:
    return children[0] if len(children) == 1 and weight == 1.0 else Group("and", tuple(children), weight)


def any_of(children: list[Node], weight: float = 1.0) -> Node:
    return children[0] if len(children) == 1 and weight == 1.0 else Group("or", tuple(children), weight)


def to_whoosh(node: Node) -> wq.Query:
    """The same query for Whoosh's own matchers (the reference the fast scorer is tested against)."""
    if isinstance(node, Group):
        children = [to_whoosh(child) for child in node.children]
        if node.op == "andmaybe":
            return wq.AndMaybe(*children)
        return (wq.And if node.op == "and" else wq.Or)(children, boost=node.weight)
    fields = FIELD_WEIGHTS.items()
    if node.kind == "term":
        return wq.Or([wq.Term(name, node.terms[0], boost=w * node.weight) for name, w in fields])
    if node.kind == "phrase":  # all words in the same field (titles are short: nearly a phrase)
        return wq.Or(
            [wq.And([wq.Term(name, t, boost=w * node.weight) for t in node.terms]) for name, w in fields]
        )
    # A prefix scores its field's weight wherever it matches (vectors.py says why).
    return wq.Or(
        [wq.ConstantScoreQuery(wq.Prefix(name, node.terms[0]), w * node.weight) for name, w in fields]
    )


@dataclass
class PlannedQuery:
    query: Node | None  # None: no usable word, list every job
    concepts: tuple[Node, ...] = ()  # the query is all of them
    did_you_mean: str | None = None
    terms: set[str] = field(default_factory=set)  # indexed terms to highlight
    prefixes: set[str] = field(default_factory=set)

    def fallback(self, share: Callable[[Node], float]) -> Node | None:
        """For when too few postings match every concept: those first, then postings matching some.

        ``share`` is the part of the postings a concept matches. A concept in most of them ("engineer"
        on a board of engineers) still ranks a posting but does not admit it alone while the query has
        a more specific concept: "光刻 engineer" asks for 光刻 jobs, not for every engineer. A query of
        common concepts only is answered by any of them.
        """
        if len(self.concepts) < 2:
            return None
        common = [concept for concept in self.concepts if share(concept) > COMMON_SHARE]
        specific = [concept for concept in self.concepts if concept not in common]
        some = any_of(list(self.concepts))
        if common and specific:
            some = Group("andmaybe", (any_of(specific), any_of(common)))
        return any_of([all_of(list(self.concepts), STRICT_BOOST), some])


class _Planner:
    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader
        self.glossary = load_glossary()
        self.terms: set[str] = set()
        self.prefixes: set[str] = set()

    # Leaves: one term, phrase or prefix over every text field

    def term(self, term: str, weight: float) -> Node:
        self.terms.add(term)
        return Leaf("term", (term,), weight)

    def phrase(self, terms: tuple[str, ...], weight: float) -> Node:
        self.terms.update(terms)
        return Leaf("phrase", terms, weight)

    def prefix(self, text: str, weight: float) -> Node:
        # A lone Han character (光) is not indexed: match the words that start with it.
        self.prefixes.add(text)
        return Leaf("prefix", (text,), weight)

    # Concepts

    def word(self, word: QueryWord, corrections: list[str], weight: float = 1.0) -> Node:
        if word.single_han:
            return self.prefix(word.term, weight)
        alternatives = [self.term(word.term, weight)]
        if not word.latin and len(word.term) >= 3:
            cover = han_cover(word.term)
            if len(cover) >= 2:
                alternatives.append(all_of([self.term(part, weight * COVER_WEIGHT) for part in cover]))
        for rank, correction in enumerate(corrections):
            alternatives.append(self.term(stem_word(correction), weight * CORRECTION_WEIGHT * 0.8**rank))
        return any_of(alternatives)

    def variant(self, variant: Variant, weight: float) -> Node:
        if len(variant.terms) == 1:
            return self.term(variant.terms[0], weight)
        if variant.latin:
            return self.phrase(variant.terms, weight)
        return all_of([self.term(term, weight) for term in variant.terms])

    def span(self, words: list[QueryWord], corrections: list[list[str]], synonyms: Iterable[Variant]) -> Node:
        typed = [self.word(w, c) for w, c in zip(words, corrections, strict=True)]
        typed_query = all_of(typed)
        if len(words) > 1 and all(w.latin for w in words):
            best = tuple(stem_word(c[0]) if c else w.term for w, c in zip(words, corrections, strict=True))
            typed_query = any_of([typed_query, self.phrase(best, PHRASE_BONUS)])
        return any_of([typed_query] + [self.variant(v, SYNONYM_WEIGHT) for v in synonyms])

    # Spelling

    def corrections(self, word: QueryWord) -> list[str]:
        """Index words one or two edits away from an English word the index doesn't contain.

        A neighbour that merely extends the word or is cut from it (engineers / engineer) is another
        form of the same word, not a correction: then nothing is suggested.
        """
        surface = word.surface
        if not word.latin or len(surface) < MIN_CORRECTED_LENGTH or not surface.isalpha():
            return []
        if self.reader.doc_frequency(SPELLING_FIELD, surface) > 0 or self.glossary.knows(surface):
            return []
        for distance in (1, 2):
            if distance == 2 and len(surface) < 6:
                break
            found = {
                candidate: self.reader.doc_frequency(SPELLING_FIELD, candidate)
                for candidate in self.reader.terms_within(SPELLING_FIELD, surface, distance, prefix=1)
            }
            if any(candidate.startswith(surface) or surface.startswith(candidate) for candidate in found):
                return []
            if found:
                ranked = sorted(found, key=lambda candidate: (-found[candidate], candidate))
                return ranked[:2]
        return []


def plan_query(text: str, reader: IndexReader) -> PlannedQuery:
    words = query_words(text[:MAX_QUERY_CHARS])[:MAX_WORDS]
    if not words:
        return PlannedQuery(None)
    planner = _Planner(reader)
    corrections = [planner.corrections(word) for word in words]
    # Glossary terms are looked up in the corrected reading: "fiber lazer" → fiber laser → 光纤激光器.
    reading = [
        QueryWord(stem_word(fixed[0]), fixed[0], True) if fixed else word
        for word, fixed in zip(words, corrections, strict=True)
    ]
    concepts: list[Node] = []
    position = 0
    for match in [*planner.glossary.matches(reading), None]:
        stop = match.start if match else len(words)
        for index in range(position, stop):
            concepts.append(planner.span([words[index]], [corrections[index]], ()))
        if match:
            concepts.append(
                planner.span(
                    words[match.start : match.end], corrections[match.start : match.end], match.synonyms
                )
            )
            position = match.end
    return PlannedQuery(
        query=all_of(concepts),
        concepts=tuple(concepts),
        did_you_mean=_did_you_mean(text[:MAX_QUERY_CHARS], words, corrections),
        terms=planner.terms,
        prefixes=planner.prefixes,
    )


def _did_you_mean(text: str, words: list[QueryWord], corrections: list[list[str]]) -> str | None:
    suggestion = unicodedata.normalize("NFKC", text).strip()
    changed = False
    for word, fixed in zip(words, corrections, strict=True):
        if fixed:
            pattern = re.compile(rf"(?<![^\W_]){re.escape(word.surface)}(?![^\W_])", re.IGNORECASE)
            suggestion, count = pattern.subn(fixed[0], suggestion)
            changed = changed or count > 0
    return suggestion if changed else None
