"""Every use of Whoosh's private internals, in one place, for the one version they were read from.

The fast scorer reads postings a block at a time and the per-document length columns; the searcher
refresh hands a kept segment reader the new table of contents. None of this is Whoosh's public API,
so it is checked against the pinned release at import: another version fails loudly here, at start-up,
instead of scoring wrongly later (tests/search/test_scoring.py and test_indexer.py check behaviour).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.index import TOC, FileIndex
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

WHOOSH_DISTRIBUTION = "whoosh-reloaded"
PINNED_VERSION = "2.7.5"  # as pinned in pyproject.toml


class WhooshVersionError(RuntimeError):
    """The installed Whoosh is not the release whose internals this module was written against."""


def check_version(installed: str | None) -> None:
    if installed != PINNED_VERSION:
        raise WhooshVersionError(
            f"jobboard.search needs {WHOOSH_DISTRIBUTION}=={PINNED_VERSION} (it relies on that release's "
            f"internals), but {installed or 'no version'} is installed: "
            f"pip install '{WHOOSH_DISTRIBUTION}=={PINNED_VERSION}'"
        )


def installed_version() -> str | None:
    try:
        return version(WHOOSH_DISTRIBUTION)
    except PackageNotFoundError:
        return None


check_version(installed_version())

# Whoosh stores a field length as one byte; this decodes every possible byte at once.
LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


# The table of contents and segment readers (searcher refresh)


def read_toc(ix: FileIndex) -> TOC:
    return ix._read_toc()


def rebind_segment(reader: SegmentReader, segment: object, generation: int) -> None:
    """Gives a kept reader the segment object of a newer table of contents, which carries the new
    deletions (``SegmentReader._segment``, ``W3PerDocReader._segment``, cached ``deleted_docs_set``)."""
    reader._segment = segment
    reader._perdoc._segment = segment
    reader.__dict__.pop("deleted_docs_set", None)  # a cached_property of the old deletions
    reader._gen = generation


# What the fast scorer reads


def field_lengths(leaf: SegmentReader, field: str, size: int) -> np.ndarray:
    """Every document's length in ``field`` as Whoosh scores it (zero where the field is empty)."""
    column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None:
        return LENGTHS[np.zeros(size, np.uint8)]
    return LENGTHS[np.fromiter(column, dtype=np.uint8, count=size)]


def term_postings(leaf: SegmentReader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
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


def field_b(weighting: BM25F, field: str) -> float:
    """BM25F's B for ``field`` (the ``<field>_B`` keyword), or its default B."""
    return weighting._field_B.get(field, weighting.B)
