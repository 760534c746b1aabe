"""Refreshing a searcher without Whoosh 2.7's ``Searcher.refresh()``.

``refresh()`` reuses a segment's reader by segment id, and the reader keeps the deletions of the
segment object it was opened with: a job deleted or replaced by ``update_document`` in an existing
segment stays visible (and merged-away segments come back). Here an unchanged segment's reader is
kept, but handed the segment object of the new table of contents, which carries the new deletions;
new segments get new readers. Files of a segment never change once written, so this is safe.
The private parts this needs are in ``jobboard.search.whoosh_internals`` (tests/search/test_indexer.py
checks the behaviour).
"""

from __future__ import annotations

from whoosh.index import FileIndex
from whoosh.reading import EmptyReader, IndexReader, MultiReader, SegmentReader
from whoosh.scoring import WeightingModel
from whoosh.searching import Searcher

from jobboard.search.whoosh_internals import read_toc, rebind_segment


def open_searcher(ix: FileIndex, weighting: WeightingModel, previous: Searcher | None = None) -> Searcher:
    toc = read_toc(ix)
    reusable: dict[str, SegmentReader] = {}
    if previous is not None:
        for leaf, _offset in previous.reader().leaf_readers():
            if isinstance(leaf, SegmentReader) and not leaf.is_closed:
                reusable[leaf.segment().segment_id()] = leaf
    readers: list[SegmentReader] = []
    for segment in toc.segments:
        reader = reusable.pop(segment.segment_id(), None)
        if reader is None:
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        else:
            rebind_segment(reader, segment, toc.generation)
        readers.append(reader)
    for leftover in reusable.values():
        leftover.close()
    combined: IndexReader
    if not readers:
        combined = EmptyReader(toc.schema)
    elif len(readers) == 1:
        combined = readers[0]
    else:
        combined = MultiReader(readers, generation=toc.generation)
    return Searcher(combined, fromindex=ix, weighting=weighting)
