"""The board's search service answering the mix: uncached, and with its cache under a Zipf stream."""

from __future__ import annotations

import random
import time

from bench.search_speed.queries import QUERIES
from jobboard.search.query.job_search import JobSearch, SearchQuery


def search_service(search: JobSearch, text: str, filters: dict, cached: bool) -> int:
    return len(search.search(SearchQuery(text=text, **filters), use_cache=cached).job_ids)


def cached_stream(search: JobSearch, length: int, seed: int = 11) -> list[float]:
    """The service with its cache, under a Zipf-like stream of the query mix (popular queries repeat)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(QUERIES))]
    samples = []
    for text, filters in rng.choices(QUERIES, weights=weights, k=length):
        started = time.perf_counter()
        search_service(search, text, filters, cached=True)
        samples.append((time.perf_counter() - started) * 1000)
    return samples
