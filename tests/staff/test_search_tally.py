"""Search counts kept in memory and written in batches: nothing is lost, nothing is counted twice."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine, event
from sqlmodel import select

from jobboard.core.clock import fair_today
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.plugin import BoardPlugin
from jobboard.search import stats as search_stats
from jobboard.search.models import SearchQueryDay
from jobboard.search.stats import SearchTally, SearchTallyFlusher, record_search
from tests.databases import TestDatabases
from tests.web.conftest import BASE_URL, flush_search_counts


def stored(engine: Engine) -> dict[str, tuple[int, int]]:
    """Today's rows: query -> (searches, zero results)."""
    with open_session(engine) as session:
        rows = session.exec(select(SearchQueryDay).where(SearchQueryDay.day == fair_today())).all()
        return {row.query: (row.searches, row.zero_results) for row in rows}


def commits_on(engine: Engine) -> list[int]:
    """A list that grows by one at every commit on the engine."""
    commits: list[int] = []
    event.listen(engine, "commit", lambda _connection: commits.append(1))
    return commits


@pytest.fixture
def engine_without_tables(tmp_path: Path, test_databases: TestDatabases) -> Iterator[Engine]:
    url = test_databases.create_empty(tmp_path)
    engine = create_db_engine(url)
    yield engine
    engine.dispose()
    test_databases.drop(url)


def test_count_normalises_and_ignores_empty_queries() -> None:
    tally = SearchTally()
    tally.count("  ＬＡＳＥＲ   激光 ", 3)
    tally.count("laser 激光", 0)
    tally.count("王芳 13800138000", 0)
    tally.count("   ", 0)
    tally.count("", 5)
    today = fair_today()
    assert tally.pending() == {(today, "laser 激光"): (2, 1), (today, "王芳 [number]"): (1, 1)}


def test_counts_are_kept_per_fair_day(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    tally = SearchTally()
    monkeypatch.setattr(search_stats, "fair_today", lambda: date(2025, 5, 20))
    tally.count("激光", 1)
    monkeypatch.setattr(search_stats, "fair_today", lambda: date(2025, 5, 21))
    tally.count("激光", 0)
    assert tally.flush(engine) == 2
    with open_session(engine) as session:
        rows = session.exec(select(SearchQueryDay).order_by(SearchQueryDay.day)).all()
        assert [(row.day, row.query, row.searches, row.zero_results) for row in rows] == [
            (date(2025, 5, 20), "激光", 1, 0),
            (date(2025, 5, 21), "激光", 1, 1),
        ]


def test_one_flush_writes_everything_in_one_transaction_and_adds_up(engine: Engine) -> None:
    with open_session(engine) as session:
        record_search(session, "光学", 0)  # a row that is already there
    tally = SearchTally()
    commits = commits_on(engine)
    assert tally.flush(engine) == 0 and commits == []  # nothing counted: no transaction at all
    for text, found in (("光学", 2), ("光学", 0), ("光学 ", 5), ("激光", 1), ("ＬＡＳＥＲ", 0)):
        tally.count(text, found)
    assert tally.flush(engine) == 5
    assert len(commits) == 1
    assert tally.pending() == {}
    assert stored(engine) == {"光学": (4, 2), "激光": (1, 0), "laser": (1, 1)}
    tally.count("激光", 0)
    tally.count("量子通信", 0)
    assert tally.flush(engine) == 2
    assert len(commits) == 2
    assert stored(engine) == {"光学": (4, 2), "激光": (2, 1), "laser": (1, 1), "量子通信": (1, 1)}


def test_many_different_queries_in_one_flush(engine: Engine) -> None:
    tally = SearchTally()
    for number in range(1234):
        tally.count(f"岗位 {number}", number % 2)
    tally.count("岗位 7", 0)
    assert tally.flush(engine) == 1235
    rows = stored(engine)
    assert len(rows) == 1234
    assert rows["岗位 0"] == (1, 1) and rows["岗位 1"] == (1, 0) and rows["岗位 7"] == (2, 1)


def test_a_failed_flush_keeps_the_counts(
    engine_without_tables: Engine, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    tally = SearchTally()
    tally.count("王芳 激光", 0)
    tally.count("激光", 3)
    with caplog.at_level(logging.WARNING, logger="jobboard.search_stats"):
        assert tally.flush(engine_without_tables) == 0
    warnings = [record.getMessage() for record in caplog.records if record.name == "jobboard.search_stats"]
    assert len(warnings) == 1 and "kept" in warnings[0]
    assert "激光" not in caplog.text and "王芳" not in caplog.text  # no query in the log
    today = fair_today()
    assert tally.pending() == {(today, "王芳 激光"): (1, 1), (today, "激光"): (1, 0)}
    tally.count("激光", 0)  # counted while the database was away: merged with what was put back
    assert tally.flush(engine_without_tables) == 0
    assert tally.pending() == {(today, "王芳 激光"): (1, 1), (today, "激光"): (2, 1)}
    assert tally.flush(engine) == 3
    assert tally.pending() == {}
    assert stored(engine) == {"王芳 激光": (1, 1), "激光": (2, 1)}


def test_concurrent_counting_and_flushing_lose_nothing(engine: Engine) -> None:
    tally = SearchTally()
    queries = ["激光", "光学", "laser", "量子通信"]
    threads, per_thread = 8, 400
    start = threading.Barrier(threads + 1)
    counting_done = threading.Event()

    def count(offset: int) -> None:
        start.wait()
        for number in range(per_thread):
            tally.count(queries[(number + offset) % len(queries)], number % 3)

    def flush_meanwhile() -> None:
        start.wait()
        while not counting_done.is_set():
            tally.flush(engine)

    counters = [threading.Thread(target=count, args=(offset,)) for offset in range(threads)]
    flusher = threading.Thread(target=flush_meanwhile)
    for thread in [*counters, flusher]:
        thread.start()
    for thread in counters:
        thread.join()
    counting_done.set()
    flusher.join()
    tally.flush(engine)
    rows = stored(engine)
    assert sum(searches for searches, _ in rows.values()) == threads * per_thread
    zeros_per_thread = len(range(0, per_thread, 3))
    assert sum(zeros for _, zeros in rows.values()) == threads * zeros_per_thread
    assert set(rows) == set(queries)


def test_at_most_max_queries_wait(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    tally = SearchTally(max_queries=2)
    for text in ("激光", "光学", "量子通信", "激光"):
        tally.count(text, 1)
    assert {query for _, query in tally.pending()} == {"激光", "光学"}
    with caplog.at_level(logging.WARNING, logger="jobboard.search_stats"):
        assert tally.flush(engine) == 3
    assert "1 searches not counted" in caplog.text and "量子通信" not in caplog.text
    tally.count("量子通信", 1)  # room again after the flush
    assert tally.flush(engine) == 1


def test_the_generic_upsert_adds_up_too(settings: Settings) -> None:
    engine = create_db_engine(settings.database_url)
    engine.dialect.name = "generic"  # neither SQLite nor PostgreSQL: the select-then-update path
    try:
        with open_session(engine) as session:
            record_search(session, "光学", 0)
        tally = SearchTally()
        for text, found in (("光学", 1), ("光学", 0), ("激光", 2)):
            tally.count(text, found)
        assert tally.flush(engine) == 3
        assert stored(engine) == {"光学": (3, 2), "激光": (1, 0)}
    finally:
        engine.dispose()


def test_the_flusher_writes_every_round(engine: Engine) -> None:
    tally = SearchTally()
    flusher = SearchTallyFlusher(tally, engine, every_seconds=0.05)
    flusher.start()
    try:
        tally.count("激光", 0)
        deadline = time.monotonic() + 10
        while stored(engine) != {"激光": (1, 1)}:
            assert time.monotonic() < deadline, "the flusher did not write"
            time.sleep(0.02)
    finally:
        flusher.stop()


def test_the_flusher_writes_once_more_at_stop(engine: Engine) -> None:
    tally = SearchTally()
    flusher = SearchTallyFlusher(tally, engine, every_seconds=3600)  # no round before the stop
    flusher.start()
    tally.count("激光", 0)
    tally.count("激光", 2)
    thread = flusher._thread
    flusher.stop()
    assert thread is not None and not thread.is_alive()  # the stop woke it: no wait for the next round
    assert stored(engine) == {"激光": (2, 1)}
    assert tally.pending() == {}


def test_the_app_counts_in_memory_and_writes_at_shutdown(app: Litestar, settings: Settings) -> None:
    with TestClient(app=app, base_url=BASE_URL):
        tally: SearchTally = BoardPlugin.state_of(app).search_tally
        tally.count("激光", 3)
        assert flush_search_counts(app) == 1
        tally.count("激光", 0)
        tally.count("光学", 0)
    engine = create_db_engine(settings.database_url)  # the app's own is disposed by now
    try:
        assert stored(engine) == {"激光": (2, 1), "光学": (1, 1)}
    finally:
        engine.dispose()


def test_a_search_page_counts_in_memory_until_a_flush(app: Litestar, running_app: TestClient) -> None:
    # No round of its own in between, however slow the machine.
    BoardPlugin.state_of(app).search_tally_flusher.stop()
    assert running_app.get("/api/jobs", params={"q": "ＬＡＳＥＲ"}).status_code == 200
    assert running_app.get("/api/jobs", params={"q": "laser", "page": 2}).status_code == 200  # not counted
    assert running_app.get("/api/jobs").status_code == 200  # no words: not counted
    assert stored(BoardPlugin.state_of(app).engine) == {}  # the search itself wrote nothing
    assert flush_search_counts(app) == 1
    assert stored(BoardPlugin.state_of(app).engine) == {"laser": (1, 1)}
