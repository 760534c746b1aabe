"""Revision 0011 erases what applications withdrawn before it still held (letter, phone, resume details)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import jobboard.models  # noqa: F401  (every table)
from jobboard.accounts.models import User
from jobboard.applications.models import Application, ApplicationStatus
from jobboard.companies.models import Company
from jobboard.core.db import create_db_engine, open_session
from jobboard.jobs.models import Job
from jobboard.migrations.runner import upgrade
from tests.databases import TestDatabases


@pytest.fixture
def url_at_0006(tmp_path: Path, test_databases: TestDatabases) -> Iterator[str]:
    url = test_databases.create_empty(tmp_path)
    upgrade("0006", database_url=url)
    yield url
    test_databases.drop(url)


def _application(seeker: User, job: Job, status: ApplicationStatus) -> Application:
    return Application(
        job_id=job.id,
        seeker_id=seeker.id,
        status=status,
        applicant_name=seeker.full_name,
        applicant_email=seeker.email,
        applicant_phone="13800000000",
        cover_letter="附上简历",
        resume_key=f"{status}.pdf",
        resume_filename="简历.pdf",
        resume_size=100,
        consent_recipient="长春甲光电有限公司",
    )


def test_withdrawn_applications_keep_only_the_record(url_at_0006: str) -> None:
    engine = create_db_engine(url_at_0006)
    try:
        with open_session(engine) as session:  # the tables these rows use are the same at 0006 and head
            firm = Company(name_zh="长春甲光电有限公司")
            seeker = User(email="seeker@example.cn", password_hash="x", full_name="李明")
            session.add_all([firm, seeker])
            session.flush()
            jobs = [Job(title=title, description="研发", city="长春", company_id=firm.id) for title in "甲乙"]
            session.add_all(jobs)
            session.flush()
            for job, status in zip(
                jobs, (ApplicationStatus.WITHDRAWN, ApplicationStatus.SUBMITTED), strict=True
            ):
                session.add(_application(seeker, job, status))
            session.commit()
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
