"""Fixtures for the job-table import: a fresh database per test, and a running board for the staff pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

import jobboard.models  # noqa: F401  (registers every table)
from jobboard.core.db import create_db_engine, open_session
from tests.web.conftest import app, running_app, staff, visitor

__all__ = ["app", "corpus", "engine", "running_app", "session", "staff", "visitor"]

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "../shared/data/relevance/jobs.jsonl"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(database_url)  # a fresh migrated database (tests/conftest.py)
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
