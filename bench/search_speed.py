"""Speed benchmark of job search: the search service against SQLite FTS5 on the same postings.

    .venv/bin/python bench/search_speed.py                 # 10,000 and 100,000 postings (long)
    .venv/bin/python bench/search_speed.py --sizes 2000    # a quick run

For each size: generates seeded, realistic bilingual postings, loads them into an empty board,
times a full rebuild of the index (postings/s), then runs a fixed mix of 50 queries (page 1 with
facets, highlights and filters, and deeper pages) through the search service without its cache,
and the same queries through SQLite FTS5 built over the same rjieba-segmented text (``porter
unicode61``, bm25 with the title weighted). Prints p50/p95 of both and the ratio of medians query
by query (median of ``--repeat`` runs after a first, cold run whose p50/p95 is printed too), then
p50/p95 of the cached service under a Zipf-distributed stream of the same queries. FTS5 answers the
page only (no facets, highlights or synonyms) and finds nothing for many expanded queries (typos,
synonyms, Traditional), where its time is that of an empty answer.

``search_service`` and ``cached_stream`` are the functions to point at ``GET /api/jobs`` later.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlmodel import SQLModel

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import jobboard.models  # noqa: E402,F401  (registers every table)
from bench.search_speed.fts import build_fts, fts_search  # noqa: E402
from bench.search_speed.postings import generate, load_board  # noqa: E402
from bench.search_speed.queries import QUERIES  # noqa: E402
from bench.search_speed.report import print_comparison, print_queries, print_stream  # noqa: E402
from bench.search_speed.service import cached_stream, search_service  # noqa: E402
from bench.search_speed.timing import Timing, median_ms  # noqa: E402
from jobboard.core.db import create_db_engine  # noqa: E402
from jobboard.search.index.indexer import JobIndexer  # noqa: E402
from jobboard.search.query.job_search import JobSearch  # noqa: E402


def run_size(size: int, repeat: int, procs: int, show_queries: bool) -> None:
    print(f"\n=== {size:,} postings ===")
    companies, jobs = generate(size)
    with tempfile.TemporaryDirectory(prefix="search-speed-") as folder:
        engine = create_db_engine(f"sqlite:///{folder}/board.sqlite3")
        SQLModel.metadata.create_all(engine)
        started = time.perf_counter()
        load_board(engine, companies, jobs)
        print(f"database loaded in {time.perf_counter() - started:.1f} s")

        indexer = JobIndexer(Path(folder) / "index", engine, procs=procs)
        started = time.perf_counter()
        indexed = indexer.rebuild()
        build = time.perf_counter() - started
        print(
            f"index rebuild: {indexed:,} postings in {build:.1f} s = {indexed / build:,.0f} postings/s"
            f" (procs={procs})"
        )

        started = time.perf_counter()
        connection = build_fts(Path(folder) / "fts.sqlite3", jobs, companies)
        fts_build = time.perf_counter() - started
        print(f"FTS5 build (segmentation included): {fts_build:.1f} s = {size / fts_build:,.0f} postings/s")

        search = JobSearch(Path(folder) / "index", engine)
        cold = []  # first run of each query: the searcher's postings and columns not read yet
        for text, filters in QUERIES:
            cold.append(median_ms(lambda t=text, f=filters: search_service(search, t, f, cached=False), 1))
            fts_search(connection, text, filters)
        timings = [
            Timing(
                f"{text or '(all)'} {filters or ''}".strip(),
                median_ms(lambda t=text, f=filters: search_service(search, t, f, cached=False), repeat),
                median_ms(lambda t=text, f=filters: fts_search(connection, t, f), repeat),
            )
            for text, filters in QUERIES
        ]
        if show_queries:
            print_queries(timings)
        print_comparison(timings, cold)
        print_stream(cached_stream(search, 2000))
        search.close()
        connection.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated posting counts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median counts")
    parser.add_argument("--procs", type=int, default=1, help="indexing processes for the rebuild")
    parser.add_argument("--quiet", action="store_true", help="no per-query table")
    args = parser.parse_args()
    for size in (int(value) for value in args.sizes.split(",") if value.strip()):
        run_size(size, args.repeat, args.procs, not args.quiet)


if __name__ == "__main__":
    main()
