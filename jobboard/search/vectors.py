"""BM25F over Whoosh's postings, computed with numpy.

Whoosh stores the index and its statistics; walking its matchers costs Python work for every
posting of every term in every field, ~100 µs per matching posting for an expanded query. Here each
term's postings are read once per segment (segment files never change), and a query is a handful of
array operations over all documents: ``bincount`` to add scores, boolean masks for all/any, facets
and filters from per-document columns. The scores are Whoosh's own BM25F (same idf, field lengths,
B and K1), so ranking does not change; tests compare both on the same queries.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from jobboard.search.querying import FIELD_WEIGHTS, Group, Leaf, Node

LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
MAX_PREFIX_TERMS = 64  # 光 alone expands to the most frequent words starting with it, not thousands
POSTINGS_BUDGET = 8_000_000  # postings kept in memory across segments (~100 MB)
SEGMENT_CACHE_SIZE = 64


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
        self._segments: OrderedDict[tuple[str, str], SegmentArrays] = OrderedDict()
        self._postings: OrderedDict[tuple[str, str, str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._postings_size = 0

    def segment(self, key: tuple[str, str], load: Callable[[], SegmentArrays]) -> SegmentArrays:
        with self._lock:
            arrays = self._segments.get(key)
            if arrays is not None:
                self._segments.move_to_end(key)
                return arrays
        arrays = load()
        with self._lock:
            self._segments[key] = arrays
            while len(self._segments) > SEGMENT_CACHE_SIZE:
                self._segments.popitem(last=False)
        return arrays

    def postings(
        self, key: tuple[str, str, str, str], load: Callable[[], tuple[np.ndarray, np.ndarray]]
    ) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        found = load()
        with self._lock:
            self._postings[key] = found
            self._postings_size += len(found[0])
            while self._postings_size > POSTINGS_BUDGET and len(self._postings) > 1:
                _key, (ids, _tf) = self._postings.popitem(last=False)
                self._postings_size -= len(ids)
        return found


_CACHE = _SegmentCache()


def _segment_arrays(
    leaf: SegmentReader, facet_fields: tuple[str, ...], number_fields: tuple[str, ...]
) -> SegmentArrays:
    size = leaf.doc_count_all()
    lengths = {}
    for name in FIELD_WEIGHTS:
        column = leaf._perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN)
        raw = (
            np.fromiter(column, dtype=np.uint8, count=size)
            if column is not None
            else np.zeros(size, np.uint8)
        )
        lengths[name] = LENGTHS[raw]
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


def _read_postings(leaf: SegmentReader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """All (docnum, term frequency) of a term in a segment, deleted documents included."""
    fieldobj = leaf.schema[field]
    btext = fieldobj.to_bytes(term)
    if (field, btext) not in leaf._terms:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    matcher = leaf._terms.matcher(field, btext, fieldobj.format)
    ids: list[int] = []
    weights: list[float] = []
    if isinstance(matcher, W3LeafMatcher):
        # A block at a time (the matcher's own API steps one posting at a time).
        while not matcher._atend and matcher._blocklength:
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


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
            parts.append(
                _CACHE.segment(key, lambda leaf=leaf: _segment_arrays(leaf, facet_fields, number_fields))
            )
            self.leaves.append((leaf, offset, index_key))
            deleted = leaf.deleted_docs_set
            if deleted:
                live[offset + np.fromiter(deleted, np.int64, len(deleted))] = False
        self.live = live
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
        self._terms: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}

    # Postings

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        key = (field, term)
        found = self._terms.get(key)
        if found is None:
            ids, weights = [], []
            for leaf, offset, folder in self.leaves:
                local_ids, local_weights = _CACHE.postings(
                    (folder, leaf.segment().segment_id(), field, term),
                    lambda leaf=leaf: _read_postings(leaf, field, term),
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
            if node.weight != 1.0:
                total *= node.weight
            return total
        if node.kind == "term":
            return self._fields_score([node.terms], node.weight, together=False)
        if node.kind == "phrase":
            return self._fields_score([node.terms], node.weight, together=True)
        return self._prefix_score(node)

    def _term_field(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        ids, tf = self.postings(field, term)
        if not len(ids):
            return ids, tf
        B = self.weighting._field_B.get(field, self.weighting.B)
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
        prefix = node.terms[0]
        words: set[str] = set()
        for field in FIELD_WEIGHTS:
            for count, btext in enumerate(self.reader.expand_prefix(field, prefix)):
                if count >= MAX_PREFIX_TERMS:
                    break
                words.add(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
        return self._fields_score([(word,) for word in sorted(words)], node.weight, together=False)

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


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return (
        np.concatenate(parts).astype(dtype, copy=False)
        if len(parts) > 1
        else parts[0].astype(dtype, copy=False)
    )
