"""Live boards: real ``jobboard serve`` processes on PostgreSQL (skipped when it is unreachable)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.databases import TestDatabases, postgres_unreachable, redis_unreachable
from tests.live.board import postgres_server_url


@pytest.fixture(scope="session")
def live_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestDatabases]:
    server = postgres_server_url()
    reason = postgres_unreachable(server)
    if reason:
        pytest.skip(f"live-node tests need PostgreSQL: {reason}")
    databases = TestDatabases(tmp_path_factory.mktemp("live-schema"), server)
    yield databases
    databases.close()


@pytest.fixture
def live_database_url(live_databases: TestDatabases, tmp_path: Path) -> Iterator[str]:
    """A fresh PostgreSQL database migrated to head, for this test only."""
    url = live_databases.create(tmp_path)
    yield url
    live_databases.drop(url)


@pytest.fixture
def redis_url() -> str | None:
    """Redis for the nodes' sessions when it answers on the usual port (as in production), else None."""
    url = "redis://127.0.0.1:6379/0"
    return None if redis_unreachable(url) else url
