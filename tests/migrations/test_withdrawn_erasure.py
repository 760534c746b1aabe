"""Revision 0011 erases what applications withdrawn before it still held (letter, phone, resume details)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, MetaData, Table, insert, text

from jobboard.core.clock import utcnow
from jobboard.core.db import create_db_engine
from jobboard.migrations.runner import upgrade
from tests.databases import TestDatabases


@pytest.fixture
def url_at_0006(tmp_path: Path, test_databases: TestDatabases) -> Iterator[str]:
    url = test_databases.create_empty(tmp_path)
    upgrade("0006", database_url=url)
    yield url
    test_databases.drop(url)


def _insert(connection: Connection, table_name: str, **values: object) -> int:
    """A row as the table is at this revision (the models describe head): each required column left out
    gets a plain value of its type."""
    table = Table(table_name, MetaData(), autoload_with=connection)
    for column in table.columns:
        if column.name in values or column.nullable or column.primary_key:
            continue
        python_type = column.type.python_type
        values[column.name] = {int: 0, bool: False, datetime: utcnow()}.get(python_type, "")
    return int(connection.execute(insert(table).values(values)).inserted_primary_key[0])


def test_withdrawn_applications_keep_only_the_record(url_at_0006: str) -> None:
    engine = create_db_engine(url_at_0006)
    try:
        with engine.begin() as connection:
            firm = _insert(connection, "companies", name_zh="长春甲光电有限公司", segment="optics")
            seeker = _insert(
                connection, "users", email="seeker@example.cn", password_hash="x", full_name="李明"
            )
            for title, status in (("甲", "withdrawn"), ("乙", "submitted")):
                job = _insert(
                    connection, "jobs", title=title, description="研发", city="长春", company_id=firm
                )
                _insert(
                    connection,
                    "applications",
                    job_id=job,
                    seeker_id=seeker,
                    status=status,
                    applicant_name="李明",
                    applicant_email="seeker@example.cn",
                    applicant_phone="13800000000",
                    cover_letter="附上简历",
                    resume_key=f"{status}.pdf",
                    resume_filename="简历.pdf",
                    resume_size=100,
                    consent_recipient="长春甲光电有限公司",
                )
        upgrade("head", database_url=url_at_0006)
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT status, applicant_name, applicant_phone, cover_letter, resume_filename,"
                    " resume_size FROM applications ORDER BY status"
                )
            ).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("submitted", "李明", "13800000000", "附上简历", "简历.pdf", 100),
        ("withdrawn", "李明", "", "", "", 0),
    ]
