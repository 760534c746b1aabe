from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobboard.core.db import create_db_engine
from jobboard.search.index.indexer import JobIndexer
from jobboard.search.query.job_search import JobSearch


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(database_url)  # a fresh migrated database (tests/conftest.py)
    yield engine
    engine.dispose()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def indexer(index_dir: Path, engine: Engine) -> JobIndexer:
    return JobIndexer(index_dir, engine, lock_timeout=60)


@pytest.fixture
def search(index_dir: Path, engine: Engine) -> Iterator[JobSearch]:
    job_search = JobSearch(index_dir, engine)
    yield job_search
    job_search.close()
