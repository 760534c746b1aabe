"""What the analysis loads once per process: rjieba with the domain vocabulary, and OpenCC.

Loaded lazily (rjieba takes ~110 ms and 40 MB), again in a forked child, and under a lock.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from typing import Any

from jobboard.search.resources import DOMAIN_DICTIONARY, content_lines


def normalize_script(text: str) -> str:
    """NFKC (full-width letters, compatibility forms) and lowercase; no dictionaries needed."""
    return unicodedata.normalize("NFKC", text).lower()


class _Resources:
    """rjieba with the domain vocabulary, and OpenCC; loaded once per process on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded_pid: int | None = None
        self._converter: Any = None
        self._traditional_chars: frozenset[str] = frozenset()
        self.unstemmed: frozenset[str] = frozenset()

    def ensure_loaded(self) -> None:
        if self._loaded_pid == os.getpid():
            return
        with self._lock:
            if self._loaded_pid == os.getpid():
                return
            self._load()
            self._loaded_pid = os.getpid()

    def _load(self) -> None:
        import rjieba  # ~110 ms and 40 MB: only when text is first analysed

        for word in domain_vocabulary():
            if not rjieba.has_word(word):
                rjieba.add_word(word, None, None)
        self._converter, self._traditional_chars = _load_converter()
        self.unstemmed = acronyms()
        from jobboard.search.analysis import stem_word

        stem_word.cache_clear()  # stems computed before the acronyms were known

    def to_simplified(self, text: str) -> str:
        # Fast path: most postings are Simplified already, and OpenCC's pure-Python matching is slow.
        if self._traditional_chars.isdisjoint(text):
            return text
        return self._converter.convert(text)


def _load_converter() -> tuple[Any, frozenset[str]]:
    """OpenCC's t2s (Traditional → Simplified, characters and phrases) and the characters it changes.

    Taiwanese *wording* (雷射, 軟體) is not a script difference; the glossary covers it.
    """
    from opencc import OpenCC

    converter = OpenCC("t2s")
    dictionary_dir = os.path.join(os.path.dirname(__import__("opencc").__file__), "dictionary")
    changing: set[str] = set()
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        with open(os.path.join(dictionary_dir, name), encoding="utf-8") as lines:
            for line in lines:
                source, _, targets = line.rstrip("\n").partition("\t")
                target = targets.split(" ")[0]
                if len(source) == len(target):
                    changing.update(s for s, t in zip(source, target, strict=True) if s != t)
                else:
                    changing.update(source)
    return converter, frozenset(changing)


RESOURCES = _Resources()


def domain_vocabulary() -> list[str]:
    """Words jieba must know: the domain dictionary plus every Han term of the glossary.

    Glossary terms are added so that a query term and the same text in a posting segment alike.
    """
    from jobboard.search.glossary import glossary_han_terms

    words = [normalize_script(line.split()[0]) for line in content_lines(DOMAIN_DICTIONARY)]
    words.extend(glossary_han_terms())
    # Only Han words: jieba would otherwise glue Latin letters to Han characters ("cmos图像").
    return sorted({word for word in words if len(word) >= 2 and not _has_latin(word)})


def acronyms() -> frozenset[str]:
    """Single Latin words the glossary writes with two or more capitals (CMOS, MEMS, ADAS, LiDAR)."""
    from jobboard.search.glossary import raw_groups

    return frozenset(
        normalize_script(term)
        for group in raw_groups()
        for term in group
        if term.isascii() and term.isalnum() and sum(ch.isupper() for ch in term) >= 2
    )


def _has_latin(word: str) -> bool:
    return any(ch.isascii() and ch.isalnum() for ch in word)
