"""The Alembic migrations, on whichever database the suite runs (SQLite, or PostgreSQL in CI's second run):
from an empty database to head, down to nothing and up again, one revision at a time, and the result
equal to the models."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import jobboard.models  # noqa: F401  (every table)
from jobboard.core.db import create_db_engine
from jobboard.migrations.runner import alembic_config, downgrade, upgrade
from tests.databases import TestDatabases

MODEL_TABLES = set(SQLModel.metadata.tables)


@pytest.fixture
def empty_url(tmp_path: Path, test_databases: TestDatabases) -> Iterator[str]:
    url = test_databases.create_empty(tmp_path)
    yield url
    test_databases.drop(url)


def _tables(url: str) -> set[str]:
    engine = create_db_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _current(url: str) -> str | None:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def _revisions() -> list[str]:
    """Oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


HEAD = _revisions()[-1]


def test_one_line_of_revisions() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, "two heads: merge them (alembic merge)"


def test_upgrade_from_empty_builds_every_table(empty_url: str) -> None:
    assert _tables(empty_url) == set()
    upgrade("head", database_url=empty_url)
    assert _tables(empty_url) == MODEL_TABLES | {"alembic_version"}
    assert _current(empty_url) == HEAD


def test_migrated_schema_equals_the_models(empty_url: str) -> None:
    """What `alembic revision --autogenerate` would write now is nothing: no model change lacks a revision."""
    upgrade("head", database_url=empty_url)
    engine = create_db_engine(empty_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_downgrade_to_base_and_up_again(empty_url: str) -> None:
    upgrade("head", database_url=empty_url)
    downgrade("base", database_url=empty_url)
    assert _tables(empty_url) <= {"alembic_version"}
    assert _current(empty_url) is None
    upgrade("head", database_url=empty_url)
    assert _tables(empty_url) == MODEL_TABLES | {"alembic_version"}
    assert _current(empty_url) == HEAD


def test_every_revision_steps_down_and_up(empty_url: str) -> None:
    for revision in _revisions():
        upgrade(revision, database_url=empty_url)
        downgrade("-1", database_url=empty_url)
        upgrade(revision, database_url=empty_url)
        assert _current(empty_url) == revision
