"""Fixtures for the job-table import: a fresh SQLite file per test and small table writers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

import jobboard.models  # noqa: F401  (registers every table)
from jobboard.core.db import create_db_engine, open_session

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "../shared/data/relevance/jobs.jsonl"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_db_engine(f"sqlite:///{tmp_path}/t.db")
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with open_session(engine) as session:
        yield session


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"the relevance corpus is not checked out at {CORPUS}")
    return CORPUS
