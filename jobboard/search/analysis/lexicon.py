"""What the analysis loads once per process: rjieba with the domain vocabulary, and OpenCC; and
the stemming that depends on the glossary's acronyms.

Loaded lazily (rjieba takes ~110 ms and 40 MB), again in a forked child, and under a lock.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

from whoosh.lang.porter import stem as porter_stem

from jobboard.search.analysis.resources import acronyms, domain_vocabulary

MAX_STEM_CACHE = 50_000


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
    import opencc

    converter = opencc.OpenCC("t2s")
    dictionary_dir = os.path.join(os.path.dirname(str(opencc.__file__)), "dictionary")
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


@lru_cache(maxsize=MAX_STEM_CACHE)
def stem_word(word: str) -> str:
    """Porter stemming for plain ASCII words only: CJK, numbers and "c++" stay as they are, and so do
    the acronyms of the glossary (Porter would make CMOS "cmo" and MEMS "mem")."""
    if len(word) > 2 and word.isascii() and word.isalpha() and word not in RESOURCES.unstemmed:
        return porter_stem(word)
    return word
