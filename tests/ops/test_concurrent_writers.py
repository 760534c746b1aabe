"""SQLite done right: 8 processes writing at once, and not one "database is locked".

Every transaction begins IMMEDIATE (a deferred one that reads and then writes fails at once with
SQLITE_BUSY when another process committed in between, whatever the busy timeout), in WAL mode with a
30-second busy timeout and synchronous=FULL. On PostgreSQL the same test shows the same services need no
retry there either.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import Engine, func, text
from sqlmodel import select

from jobboard.accounts.models import User
from jobboard.core.db import open_session
from jobboard.core.settings import Settings
from tests.ops.writers import register_seekers

PROCESSES = 8
PER_PROCESS = 15


def test_eight_processes_write_at_once_without_database_is_locked(settings: Settings, engine: Engine) -> None:
    context = multiprocessing.get_context("spawn")
    start, out = context.Barrier(PROCESSES), context.Queue()
    workers = [
        context.Process(target=register_seekers, args=(settings.database_url, n, PER_PROCESS, start, out))
        for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = dict(out.get(timeout=180) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    errors = [error for worker_errors in results.values() for error in worker_errors]
    assert errors == []
    with open_session(engine) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == PROCESSES * PER_PROCESS


def test_sqlite_pragmas(settings: Settings, engine: Engine) -> None:
    if not settings.is_sqlite:
        pytest.skip("SQLite's pragmas: this pass runs on PostgreSQL")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
