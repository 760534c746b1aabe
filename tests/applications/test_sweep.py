"""``jobboard sweep-resumes``: resume files no application refers to go once they are an hour old."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import jobboard.models  # noqa: F401  (registers every table)
from jobboard import cli
from jobboard.accounts.models import User
from jobboard.applications.models import Application, ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job, JobStatus
from tests.exports.conftest import pdf_bytes

HOUR = 3600


def _apply_with(
    settings: Settings, resume_key: str, status: ApplicationStatus = ApplicationStatus.SUBMITTED
) -> None:
    """One application row whose resume is ``resume_key``."""
    engine = create_db_engine(settings.database_url)
    try:
        with open_session(engine) as session:
            firm = Company(name_zh="长春甲光电有限公司", status=CompanyStatus.APPROVED)
            seeker = User(email="seeker@example.cn", password_hash="x", full_name="李明")
            session.add_all([firm, seeker])
            session.flush()
            job = Job(
                title="光学工程师",
                description="研发",
                city="长春",
                company_id=firm.id,
                status=JobStatus.PUBLISHED,
            )
            session.add(job)
            session.flush()
            session.add(
                Application(
                    job_id=job.id,
                    seeker_id=seeker.id,
                    applicant_name="李明",
                    applicant_email=seeker.email,
                    resume_key=resume_key,
                    resume_filename="简历.pdf",
                    resume_size=100,
                    consent_recipient="长春甲光电有限公司",
                    status=status,
                )
            )
            session.commit()
    finally:
        engine.dispose()


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_old_files_without_an_application_are_removed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    resumes = ResumeStore(settings.upload_dir)
    applied_key = resumes.save(pdf_bytes())
    _apply_with(settings, applied_key)
    applied = _aged(resumes.path(applied_key), 2 * HOUR)
    orphan = _aged(resumes.path(resumes.save(pdf_bytes())), 2 * HOUR)  # its application never committed
    in_flight = _aged(resumes.path(resumes.save(pdf_bytes())), HOUR / 2)  # its row may still come

    result = CliRunner().invoke(cli.jobboard, ["sweep-resumes"])
    assert result.exit_code == 0, result.output
    assert result.output == "removed 1 resume files no application refers to\n"
    assert (applied.exists(), orphan.exists(), in_flight.exists()) == (True, False, True)


def test_the_file_of_a_withdrawn_application_goes_too(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawing deletes the file after the commit; one left by a crash there is swept like an orphan."""
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    resumes = ResumeStore(settings.upload_dir)
    key = resumes.save(pdf_bytes())
    _apply_with(settings, key, ApplicationStatus.WITHDRAWN)
    left = _aged(resumes.path(key), 2 * HOUR)
    result = CliRunner().invoke(cli.jobboard, ["sweep-resumes"])
    assert result.exit_code == 0, result.output
    assert not left.exists()
