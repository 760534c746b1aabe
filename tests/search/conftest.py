from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobboard.search.indexer import JobIndexer
from jobboard.search.services import JobSearch
from tests.search.board import make_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(tmp_path)
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
