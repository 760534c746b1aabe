"""Searching the job index: one ``JobSearch`` per process, shared by every request.

It returns job ids in rank order; the caller loads the rows and drops any the database says are not
public, so a stale index can never show a hidden job. Matching, scores (BM25F), filters, facets and
order are computed with numpy over the index's postings (``vectors.py``); the totals are exact.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine
from sqlmodel import col, select
from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from jobboard.core.db import open_session, saved_id
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job
from jobboard.search.analysis.highlight import best_fragment, highlight_all
from jobboard.search.index.layout import IndexLayout
from jobboard.search.index.readers import open_searcher
from jobboard.search.index.schema import FACET_FIELDS, NUMBER_FIELDS
from jobboard.search.query.querying import PlannedQuery, plan_query
from jobboard.search.query.results import (
    MAX_RESULTS_DEPTH,
    FacetCount,
    ResultCache,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from jobboard.search.query.vectors import ReaderArrays

log = logging.getLogger(__name__)
# How often a page asks the index folder whether another process has changed it (see version()).
VERSION_LOOK_SECONDS = 0.5

SNIPPET_CHARS = 120
MIN_STRICT_RESULTS = 10  # fewer postings with every word: add those with some words after them
# Titles weigh most; short fields saturate less than long descriptions.
WEIGHTING = BM25F(B=0.75, K1=1.2, title_B=0.5, title_en_B=0.5, company_B=0.3)


@dataclass
class _Ranked:
    """A page ranked under the lock; turned into a ``SearchResult`` outside it."""

    plan: PlannedQuery
    stored: list[dict[str, Any]]
    scores: list[float] | None
    total: int
    facets: dict[str, list[FacetCount]]
    relaxed: bool
    generation: str | None


class JobSearch:
    """Holds one searcher on the current generation; refreshes it when the indexer commits and
    reopens it when a rebuild swaps generations. Thread-safe."""

    def __init__(
        self, target: Settings | Path | str, engine: Engine | None = None, *, cache_size: int = 512
    ) -> None:
        self.layout = IndexLayout(target.index_dir if isinstance(target, Settings) else Path(target))
        self.engine = engine  # for snippets of requirements and description (not stored in the index)
        self._lock = threading.RLock()
        self._generation: str | None = None
        self._index: FileIndex | None = None
        self._searcher: Searcher | None = None
        self._cache = ResultCache(cache_size)
        self._reader_arrays: ReaderArrays | None = None
        self._version: Hashable = None
        self._announced_seen, self._next_look = -1, 0.0

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            if self._index is not None:
                self._index.close()
            self._searcher, self._index, self._generation = None, None, None
            self._reader_arrays = None

    def version(self) -> Hashable:
        """Changes whenever the index may answer differently: a new generation, or a new commit in it.

        Looks at the folder at most every ``VERSION_LOOK_SECONDS`` (another process's writer) or at once
        after this process's writer changed it; never waits for a search that holds the searcher.
        """
        announced = self.layout.changes_announced()
        if announced == self._announced_seen and time.monotonic() < self._next_look:
            return self._version
        if self._lock.acquire(blocking=False):
            try:
                self._fresh_searcher()
                self._announced_seen, self._next_look = announced, time.monotonic() + VERSION_LOOK_SECONDS
            except Exception:  # the index replaced under us: the last version stands until it opens
                log.warning("the search index could not be opened", exc_info=True)
            finally:
                self._lock.release()
        return self._version

    def search(self, query: SearchQuery, *, use_cache: bool = True) -> SearchResult:
        try:
            with self._lock:  # the searcher and its arrays change only between searches
                searcher = self._fresh_searcher()
                if searcher is None:
                    return SearchResult([], [], 0, query.page, query.per_page)
                key = (self._generation, searcher.reader().generation(), query.key())
                cached = self._cache.get(key) if use_cache else None
                if cached is not None:
                    return cached
                ranked = self._rank(searcher, query)
            result = self._present(query, ranked)  # database and highlighting: no lock needed
            with self._lock:
                self._cache.put(key, result)
            return result
        except Exception:
            # A search box must answer; the failure is logged with the query for a fix.
            log.exception("search failed for %r", query)
            return SearchResult([], [], 0, query.page, query.per_page)

    # The searcher

    def _fresh_searcher(self) -> Searcher | None:
        generation = self.layout.current()
        if generation is None:
            if self._searcher is not None:
                # The folder was deleted under us: answer from the files still open until the index
                # follower has rebuilt it (a new generation replaces this searcher then).
                return self._searcher
            return None
        if generation.name != self._generation or self._searcher is None:
            self.close()
            self._index = whoosh_index.open_dir(str(generation.path))
            self._searcher = open_searcher(self._index, WEIGHTING)
            self._generation = generation.name
        elif not self._searcher.up_to_date():
            self._searcher = open_searcher(self._index, WEIGHTING, previous=self._searcher)
        self._version = (self._generation, self._searcher.reader().generation())
        return self._searcher

    # One search

    def _arrays(self, searcher: Searcher) -> ReaderArrays:
        if self._reader_arrays is None or self._reader_arrays.searcher is not searcher:
            self._reader_arrays = ReaderArrays(
                searcher, WEIGHTING, str(self._generation), FACET_FIELDS, NUMBER_FIELDS
            )
        return self._reader_arrays

    def _rank(self, searcher: Searcher, query: SearchQuery) -> _Ranked:
        arrays = self._arrays(searcher)
        plan = plan_query(query.text, searcher.reader()) if query.text else PlannedQuery(None)
        allowed = arrays.live & _filter_mask(arrays, query)
        scores = None
        relaxed = False
        if plan.query is None:
            matched = np.flatnonzero(allowed)
        else:
            scores = arrays.score(plan.query)
            matched = np.flatnonzero((scores > 0) & allowed)
            fallback = plan.fallback(arrays.share) if len(matched) < MIN_STRICT_RESULTS else None
            if fallback is not None:
                scores = arrays.score(fallback)
                matched = np.flatnonzero((scores > 0) & allowed)
                relaxed = True
        newest = arrays.numbers["published_at"]
        if query.sort == "relevance" and scores is not None:
            primary, secondary = scores, newest
        elif query.sort == "salary":
            primary, secondary = arrays.numbers["salary_max"], newest
        else:  # newest first, and the order of a search without words
            primary, secondary = newest, np.arange(arrays.size)
        start = (query.page - 1) * query.per_page
        depth = min(start + query.per_page, MAX_RESULTS_DEPTH)
        page = arrays.top(matched, primary, secondary, depth)[start:]
        return _Ranked(
            plan=plan,
            stored=[searcher.stored_fields(int(docnum)) for docnum in page],
            scores=[float(scores[docnum]) for docnum in page] if scores is not None else None,
            total=len(matched),
            facets={
                name: sorted(
                    (FacetCount(value, count) for value, count in arrays.facet_counts(name, matched)),
                    key=lambda facet: (-facet.count, facet.value),
                )
                for name in FACET_FIELDS
            },
            relaxed=relaxed,
            generation=self._generation,
        )

    def _present(self, query: SearchQuery, ranked: _Ranked) -> SearchResult:
        plan = ranked.plan
        job_ids = [int(stored["job_id"]) for stored in ranked.stored]
        bodies = self._bodies(job_ids) if plan.query is not None else {}
        hits = [
            SearchHit(
                job_id=job_id,
                score=ranked.scores[index] if ranked.scores is not None else None,
                title=stored.get("title", ""),
                title_en=stored.get("title_en", ""),
                title_html=highlight_all(stored.get("title", ""), plan.terms, plan.prefixes),
                title_en_html=highlight_all(stored.get("title_en", ""), plan.terms, plan.prefixes),
                snippet_html=best_fragment(bodies.get(job_id, ()), plan.terms, plan.prefixes, SNIPPET_CHARS),
            )
            for index, (job_id, stored) in enumerate(zip(job_ids, ranked.stored, strict=True))
        ]
        return SearchResult(
            job_ids=job_ids,
            hits=hits,
            total=ranked.total,
            page=query.page,
            per_page=query.per_page,
            facets=ranked.facets,
            did_you_mean=plan.did_you_mean,
            relaxed=ranked.relaxed,
            total_is_exact=True,
            generation=ranked.generation,
        )

    def _bodies(self, job_ids: list[int]) -> dict[int, tuple[str, ...]]:
        if self.engine is None or not job_ids:
            return {}
        with open_session(self.engine) as session:
            jobs = session.exec(select(Job).where(col(Job.id).in_(job_ids))).all()
        return {
            saved_id(job.id): (job.requirements, job.description, job.requirements_en, job.description_en)
            for job in jobs
        }


def _filter_mask(arrays: ReaderArrays, query: SearchQuery) -> np.ndarray:
    mask = np.ones(arrays.size, dtype=bool)
    for name in ("city", "segment", "education", "job_type", "salary_band"):
        value = getattr(query, name)
        if value is not None:
            mask &= arrays.facet_mask(name, value)
    if query.company_id is not None:
        mask &= arrays.facet_mask("company_id", str(query.company_id))
    if query.salary_min is not None:
        # "Monthly salary can reach X": the top of the range. A seeker asking for 30K wants to see a
        # 20–35K job (the pay is agreed within the range), as the salary bands and Chinese job sites
        # count it; the label says so. Negotiable is stored as 0: it reaches nothing.
        mask &= arrays.numbers["salary_max"] >= query.salary_min
    return mask


__all__ = ["FacetCount", "JobSearch", "SearchHit", "SearchQuery", "SearchResult"]
