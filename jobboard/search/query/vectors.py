"""BM25F over Whoosh's postings, computed with numpy.

Whoosh stores the index and its statistics; walking its matchers costs Python work for every
posting of every term in every field, ~100 µs per matching posting for an expanded query. Here each
term's postings are read once per segment (segment files never change), and a query is a handful of
array operations over all documents: ``bincount`` to add scores, boolean masks for all/any, facets
and filters from per-document columns. Terms and phrases score Whoosh's own BM25F (same idf, field
lengths, B and K1); a prefix (a lone Han character such as 光) scores like Whoosh's constant-score
prefix query: the field's weight wherever one of the words it expands to occurs (its
``MAX_PREFIX_TERMS`` most frequent in the field; Whoosh takes them all), because summing the
BM25F of dozens of words that share a character would let it outweigh every other word of the query.
tests/search/test_scoring.py compares both on the same queries.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
from cachetools import LRUCache
from whoosh.reading import IndexReader, SegmentReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from jobboard.search.query.querying import FIELD_WEIGHTS, Group, Leaf, Node
from jobboard.search.whoosh_internals import field_b, field_lengths, term_postings

MAX_PREFIX_TERMS = 64  # 光 alone expands to the most frequent words starting with it, not thousands
# Terms of one searcher kept as global arrays (the segment cache below keeps them per segment).
SEARCHER_TERMS_CACHE = 4096
POSTINGS_BUDGET = 8_000_000  # postings kept in memory across segments (~100 MB)
SEGMENT_CACHE_SIZE = 64
Postings = tuple[np.ndarray, np.ndarray]  # document numbers and term frequencies


@dataclass
class SegmentArrays:
    """Per-document columns of one segment, read once: its files never change."""

    size: int
    lengths: dict[str, np.ndarray]
    facet_codes: dict[str, np.ndarray]
    facet_values: dict[str, list[str]]
    numbers: dict[str, np.ndarray]


class _SegmentCache:
    """Segment columns and term postings, shared by every reader of the process (LRU)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._segments: LRUCache[tuple[str, str], SegmentArrays] = LRUCache(SEGMENT_CACHE_SIZE)
        self._postings: LRUCache[tuple[str, str, str, str], Postings] = LRUCache(
            POSTINGS_BUDGET, getsizeof=lambda found: max(1, len(found[0]))
        )

    def segment(self, key: tuple[str, str], load: Callable[[], SegmentArrays]) -> SegmentArrays:
        with self._lock:
            arrays = self._segments.get(key)
        if arrays is None:
            arrays = load()
            with self._lock:
                self._segments[key] = arrays
        return arrays

    def postings(self, key: tuple[str, str, str, str], load: Callable[[], Postings]) -> Postings:
        with self._lock:
            found = self._postings.get(key)
        if found is None:
            found = load()
            if len(found[0]) <= POSTINGS_BUDGET:  # a bigger one is read again each time
                with self._lock:
                    self._postings[key] = found
        return found


_CACHE = _SegmentCache()


def _segment_arrays(
    leaf: SegmentReader, facet_fields: tuple[str, ...], number_fields: tuple[str, ...]
) -> SegmentArrays:
    size = leaf.doc_count_all()
    lengths = {name: field_lengths(leaf, name, size) for name in FIELD_WEIGHTS}
    codes, values = {}, {}
    for name in facet_fields:
        column = list(leaf.column_reader(name)) if leaf.has_column(name) else [""] * size
        known: dict[str, int] = {}
        codes[name] = np.fromiter((known.setdefault(v or "", len(known)) for v in column), np.int32, size)
        values[name] = list(known)
    numbers = {
        name: np.fromiter(leaf.column_reader(name), np.int64, size)
        if leaf.has_column(name)
        else np.zeros(size)
        for name in number_fields
    }
    return SegmentArrays(size, lengths, codes, values, numbers)


class ReaderArrays:
    """The columns and postings of one searcher's documents, in its global document numbers."""

    def __init__(
        self,
        searcher: Searcher,
        weighting: BM25F,
        index_key: str,
        facet_fields: tuple[str, ...],
        number_fields: tuple[str, ...],
    ) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = weighting
        self.size = self.reader.doc_count_all()
        self.leaves: list[tuple[SegmentReader, int, str]] = []
        parts: list[SegmentArrays] = []
        live = np.ones(self.size, dtype=bool)
        for leaf, offset in self.reader.leaf_readers():
            if not isinstance(leaf, SegmentReader):
                continue
            key = (index_key, leaf.segment().segment_id())  # the generation folder and the segment
            parts.append(_CACHE.segment(key, partial(_segment_arrays, leaf, facet_fields, number_fields)))
            self.leaves.append((leaf, offset, index_key))
            deleted = leaf.deleted_docs_set
            if deleted:
                live[offset + np.fromiter(deleted, np.int64, len(deleted))] = False
        self.live = live
        self.live_count = int(np.count_nonzero(live))
        self.lengths = {name: _concat([p.lengths[name] for p in parts], np.float64) for name in FIELD_WEIGHTS}
        self.average_length = {name: searcher.avg_field_length(name) or 1.0 for name in FIELD_WEIGHTS}
        self.numbers = {name: _concat([p.numbers[name] for p in parts], np.int64) for name in number_fields}
        self.facet_values: dict[str, list[str]] = {}
        self.facet_codes: dict[str, np.ndarray] = {}
        for name in facet_fields:
            known: dict[str, int] = {}
            mapped = []
            for part in parts:
                translate = np.array(
                    [known.setdefault(v, len(known)) for v in part.facet_values[name]], np.int32
                )
                mapped.append(translate[part.facet_codes[name]] if len(translate) else part.facet_codes[name])
            self.facet_codes[name] = _concat(mapped, np.int32)
            self.facet_values[name] = list(known)
        self._terms: LRUCache[tuple[str, str], Postings] = LRUCache(SEARCHER_TERMS_CACHE)

    # Postings

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        key = (field, term)
        found = self._terms.get(key)
        if found is None:
            ids, weights = [], []
            for leaf, offset, folder in self.leaves:
                local_ids, local_weights = _CACHE.postings(
                    (folder, leaf.segment().segment_id(), field, term),
                    partial(term_postings, leaf, field, term),
                )
                ids.append(local_ids + offset)
                weights.append(local_weights)
            found = (_concat(ids, np.int64), _concat(weights, np.float64))
            self._terms[key] = found
        return found

    # Scoring: every node is a dense array of scores, > 0 exactly where it matches

    def score(self, node: Node) -> np.ndarray:
        if isinstance(node, Group):
            children = [self.score(child) for child in node.children]
            total = np.sum(children, axis=0) if len(children) > 1 else children[0].copy()
            if node.op == "and" and len(children) > 1:
                total[~np.logical_and.reduce([child > 0 for child in children])] = 0.0
            if node.op == "andmaybe":
                total[children[0] <= 0] = 0.0
            if node.weight != 1.0:
                total *= node.weight
            return total
        if node.kind == "term":
            return self._fields_score([node.terms], node.weight, together=False)
        if node.kind == "phrase":
            return self._fields_score([node.terms], node.weight, together=True)
        return self._prefix_score(node)

    def share(self, node: Node) -> float:
        """The part of the live documents ``node`` matches."""
        return float(np.count_nonzero((self.score(node) > 0) & self.live)) / max(1, self.live_count)

    def _term_field(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        ids, tf = self.postings(field, term)
        if not len(ids):
            return ids, tf
        B = field_b(self.weighting, field)
        K1 = self.weighting.K1
        df = len(ids)  # like Whoosh's document frequency, this counts deleted documents too
        idf = math.log(self.size / (df + 1)) + 1
        lengths = self.lengths[field][ids]
        scores = idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths / self.average_length[field]))
        return ids, scores

    def _fields_score(self, term_lists: list[tuple[str, ...]], weight: float, together: bool) -> np.ndarray:
        """Terms in every text field, summed; ``together``: all of a list's terms in the same field."""
        all_ids, all_scores = [], []
        for field, field_weight in FIELD_WEIGHTS.items():
            for terms in term_lists:
                found = [self._term_field(field, term) for term in terms]
                if together and len(found) > 1:
                    common = found[0][0]
                    for ids, _scores in found[1:]:
                        common = np.intersect1d(common, ids, assume_unique=True)
                    found = [
                        (ids[np.isin(ids, common)], scores[np.isin(ids, common)]) for ids, scores in found
                    ]
                for ids, scores in found:
                    all_ids.append(ids)
                    all_scores.append(scores * (field_weight * weight))
        ids = _concat(all_ids, np.int64)
        scores = _concat(all_scores, np.float64)
        return np.bincount(ids, weights=scores, minlength=self.size) if len(ids) else np.zeros(self.size)

    def _prefix_score(self, node: Leaf) -> np.ndarray:
        """The field's weight where any of the prefix's most frequent words occurs (see the top)."""
        total = np.zeros(self.size)
        for field, field_weight in FIELD_WEIGHTS.items():
            matched = np.zeros(self.size, dtype=bool)
            for word in prefix_words(self.reader, field, node.terms[0]):
                matched[self.postings(field, word)[0]] = True
            total[matched] += field_weight * node.weight
        return total

    # Filters, facets and order

    def facet_mask(self, field: str, value: str) -> np.ndarray:
        try:
            code = self.facet_values[field].index(value)
        except ValueError:
            return np.zeros(self.size, dtype=bool)
        return self.facet_codes[field] == code

    def facet_counts(self, field: str, docs: np.ndarray) -> list[tuple[str, int]]:
        values = self.facet_values[field]
        counts = np.bincount(self.facet_codes[field][docs], minlength=len(values))
        return [(values[code], int(count)) for code, count in enumerate(counts) if count and values[code]]

    def top(self, docs: np.ndarray, primary: np.ndarray, secondary: np.ndarray, count: int) -> np.ndarray:
        """The first ``count`` of ``docs`` by ``primary`` then ``secondary``, both highest first."""
        if count <= 0 or not len(docs):
            return docs[:0]
        keys = primary[docs]
        if len(docs) > count * 4:
            threshold = keys[np.argpartition(-keys, count - 1)[count - 1]]
            docs = docs[keys >= threshold]  # ties at the edge stay, so the order is stable
            keys = primary[docs]
        order = np.lexsort((-secondary[docs], -keys))
        return docs[order][:count]


def prefix_words(reader: IndexReader, field: str, prefix: str) -> list[str]:
    """The ``MAX_PREFIX_TERMS`` words of ``field`` starting with ``prefix`` found in the most documents."""
    found = ((-info.doc_frequency(), btext) for btext, info in reader.iter_prefix(field, prefix))
    return [btext.decode("utf-8") for _df, btext in heapq.nsmallest(MAX_PREFIX_TERMS, found)]


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return (
        np.concatenate(parts).astype(dtype, copy=False)
        if len(parts) > 1
        else parts[0].astype(dtype, copy=False)
    )
