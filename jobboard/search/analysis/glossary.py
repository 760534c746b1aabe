"""The bilingual optoelectronics glossary (``search_index/glossary.tsv``) used for query expansion.

Each line is one group of interchangeable terms separated by tabs (激光 / laser / 镭射 / 雷射). A
query span that spells one term of a group is also searched for the other terms, at a lower weight.
A ``>`` field makes the group one-way: the terms before it expand to the terms after it.
Terms are matched after the same analysis as postings, so "Optical Modules" matches "optical module".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from jobboard.search.analysis.analyzer import QueryWord, query_words
from jobboard.search.analysis.resources import ONE_WAY, raw_groups

MAX_SPAN = 6  # the longest term, in query words, that we try to match


@dataclass(frozen=True, slots=True)
class Variant:
    """One term of a group, as query words."""

    text: str
    terms: tuple[str, ...]
    latin: bool  # all words Latin: matched as a phrase; otherwise as all of its words


@dataclass(frozen=True, slots=True)
class GlossaryMatch:
    start: int  # index of the first matched query word
    end: int  # one past the last
    synonyms: tuple[Variant, ...]


class Glossary:
    def __init__(self, groups: list[list[str]]) -> None:
        self.groups: list[list[Variant]] = []
        self._by_terms: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.latin_words: set[str] = set()  # as written (unstemmed): spelling leaves these alone
        for group in groups:
            # "a > b c": a also searches b and c; b and c do not search a.
            sources = group[: group.index(ONE_WAY)] if ONE_WAY in group else group
            variants, source_terms = [], []
            for text in (term for term in group if term != ONE_WAY):
                words = query_words(text)
                if not words:
                    continue
                variant = Variant(text, tuple(w.term for w in words), all(w.latin for w in words))
                self.latin_words.update(w.surface for w in words if w.latin)
                variants.append(variant)
                if text in sources:
                    source_terms.append(variant.terms)
            if len({v.terms for v in variants}) < 2:
                continue
            for terms in source_terms:
                self._by_terms[terms].add(len(self.groups))
            self.groups.append(variants)

    def __len__(self) -> int:
        return len(self.groups)

    def knows(self, surface: str) -> bool:
        """Whether an English word (unstemmed, lowercase) is written in the glossary."""
        return surface in self.latin_words

    def synonyms(self, terms: tuple[str, ...]) -> tuple[Variant, ...]:
        found: dict[tuple[str, ...], Variant] = {}
        for group_id in sorted(self._by_terms.get(terms, ())):
            for variant in self.groups[group_id]:
                if variant.terms != terms:
                    found.setdefault(variant.terms, variant)
        return tuple(found.values())

    def matches(self, words: list[QueryWord]) -> list[GlossaryMatch]:
        """Longest glossary terms in the query, left to right, not overlapping."""
        terms = [w.term for w in words]
        found: list[GlossaryMatch] = []
        start = 0
        while start < len(terms):
            for end in range(min(len(terms), start + MAX_SPAN), start, -1):
                key = tuple(terms[start:end])
                if self._by_terms.get(key):
                    found.append(GlossaryMatch(start, end, self.synonyms(key)))
                    start = end
                    break
            else:
                start += 1
        return found


@cache
def load_glossary() -> Glossary:
    return Glossary(raw_groups())
