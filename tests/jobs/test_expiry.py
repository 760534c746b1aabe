"""``jobboard expire-jobs``: published jobs past their deadline become expired, through the job lifecycle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlmodel import Session, select

import jobboard.models  # noqa: F401  (registers every table)
from jobboard import cli
from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.clock import fair_today
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job, JobStatus


@pytest.fixture
def db(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    engine = create_db_engine(settings.database_url)
    yield engine
    engine.dispose()


def _jobs(engine: Engine, *postings: tuple[JobStatus, date | None]) -> list[int]:
    with open_session(engine) as session:
        firm = Company(name_zh="长春甲光电有限公司", status=CompanyStatus.APPROVED)
        session.add(firm)
        session.flush()
        jobs = [
            Job(
                title=f"光学工程师{n}",
                description="研发",
                city="长春",
                company_id=firm.id,
                status=status,
                deadline=deadline,
            )
            for n, (status, deadline) in enumerate(postings)
        ]
        session.add_all(jobs)
        session.commit()
        return [job.id or 0 for job in jobs]


def _statuses(session: Session, job_ids: list[int]) -> list[JobStatus]:
    return [session.get_one(Job, job_id).status for job_id in job_ids]


def test_published_jobs_past_their_deadline_expire(db: Engine) -> None:
    yesterday, today = fair_today() - timedelta(days=1), fair_today()
    job_ids = _jobs(
        db,
        (JobStatus.PUBLISHED, yesterday),
        (JobStatus.PUBLISHED, today),  # open until the day ends
        (JobStatus.PUBLISHED, None),
        (JobStatus.DRAFT, yesterday),  # never published: nothing to expire
    )
    result = CliRunner().invoke(cli.jobboard, ["expire-jobs"])
    assert result.exit_code == 0, result.output
    assert result.output == "expired 1 jobs past their deadline\n"
    with open_session(db) as session:
        assert _statuses(session, job_ids) == [
            JobStatus.EXPIRED,
            JobStatus.PUBLISHED,
            JobStatus.PUBLISHED,
            JobStatus.DRAFT,
        ]
        (event,) = session.exec(select(AuditEvent).where(AuditEvent.action == "job.expire")).all()
        assert (event.subject_id, event.actor_id) == (job_ids[0], None)
        assert event.detail["previous"] == "published" and event.detail["status"] == "expired"

    again = CliRunner().invoke(cli.jobboard, ["expire-jobs"])
    assert again.output == "expired 0 jobs past their deadline\n"
