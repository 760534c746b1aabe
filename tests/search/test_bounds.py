"""What the scorer keeps is bounded: prefix expansions, a searcher's terms, cached results."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from jobboard.search.index.indexer import JobIndexer
from jobboard.search.query import vectors
from jobboard.search.query.job_search import JobSearch
from jobboard.search.query.results import ResultCache, SearchQuery, SearchResult
from jobboard.search.query.vectors import MAX_PREFIX_TERMS, prefix_words
from tests.search.board import add_company, add_job


def test_a_prefix_keeps_its_most_frequent_words_not_the_first_ones() -> None:
    ix = RamStorage().create_index(Schema(title=TEXT))
    writer = ix.writer()
    words = [f"w{number:02d}" for number in range(MAX_PREFIX_TERMS + 6)]
    common = words[-6:]  # last in alphabetical order, in the most documents
    for word in words:
        writer.add_document(title=word)
    for _copy in range(3):
        writer.add_document(title=" ".join(common))
    writer.commit()
    with ix.searcher() as searcher:
        kept = prefix_words(searcher.reader(), "title", "w")
    assert len(kept) == MAX_PREFIX_TERMS
    assert set(common) <= set(kept)
    assert kept[: len(common)] == common


def test_a_searchers_terms_are_bounded(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, indexer: JobIndexer, search: JobSearch
) -> None:
    monkeypatch.setattr(vectors, "SEARCHER_TERMS_CACHE", 2)
    add_job(engine, add_company(engine), "激光器工程师", description="光学 镜头 芯片 测试")
    indexer.drain()
    for text in ("激光器", "光学", "镜头", "芯片", "测试"):
        assert search.search(SearchQuery(text=text), use_cache=False).total == 1
    arrays = search._reader_arrays
    assert arrays is not None
    assert len(arrays._terms) == 2


def test_the_result_cache_forgets_the_least_recently_used() -> None:
    cache = ResultCache(2)
    results = {key: SearchResult([], [], 0, 1, 20) for key in ("a", "b", "c")}
    cache.put(("a",), results["a"])
    cache.put(("b",), results["b"])
    assert cache.get(("a",)) is results["a"]
    cache.put(("c",), results["c"])
    assert cache.get(("b",)) is None
    assert cache.get(("a",)) is results["a"]
    assert cache.get(("c",)) is results["c"]
