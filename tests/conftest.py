"""Shared fixtures: every test gets its own database file, index folder and upload folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobboard.core.settings import Settings
from jobboard.migrations.runner import upgrade

REPO_ROOT = Path(__file__).resolve().parents[1]
RELEVANCE_CORPUS = REPO_ROOT.parent / "shared" / "data" / "relevance" / "jobs.jsonl"


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The schema built once through the real Alembic migrations, copied for each test."""
    path = tmp_path_factory.mktemp("schema") / "template.sqlite3"
    upgrade("head", database_url=f"sqlite:///{path}")
    return path


@pytest.fixture
def settings(tmp_path: Path, migrated_database: Path) -> Settings:
    database = tmp_path / "board.sqlite3"
    shutil.copy(migrated_database, database)
    return Settings(
        database_url=f"sqlite:///{database}",
        index_dir=tmp_path / "index",
        upload_dir=tmp_path / "uploads",
        secret_key="test-secret-key-for-csrf-and-sessions-0123456789",
        base_url="http://testserver.local",
    )


@pytest.fixture
def engine(settings: Settings) -> Iterator[object]:
    from jobboard.core.db import create_db_engine

    engine = create_db_engine(settings.database_url)
    yield engine
    engine.dispose()
