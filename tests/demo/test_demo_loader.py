"""``load_demo_data`` into an empty database, through the real import service, and a second call."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func
from sqlmodel import Session, SQLModel, col, select

import jobboard.models  # noqa: F401  (every table)
from jobboard import cli
from jobboard.accounts.models import Role, User
from jobboard.accounts.services import AccountService
from jobboard.applications.models import Application, ApplicationStatus
from jobboard.applications.resumes import ResumeStore, check_resume
from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.demo.catalog import FIRMS, PENDING_FIRMS
from jobboard.demo.generator import generate_job_table
from jobboard.demo.loader import (
    EMPLOYER_PASSWORD,
    SEEKER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    load_demo_data,
)
from jobboard.jobs.models import Job, JobStatus
from tests.databases import TestDatabases


@pytest.fixture(scope="module")
def demo_settings(
    tmp_path_factory: pytest.TempPathFactory, test_databases: TestDatabases
) -> Iterator[Settings]:
    root = tmp_path_factory.mktemp("demo")
    database_url = test_databases.create(root)  # migrated, shared by this module's tests
    yield Settings(
        database_url=database_url, index_dir=root / "index", upload_dir=root / "uploads",
        secret_key="test-secret",
    )  # fmt: skip
    test_databases.drop(database_url)


@pytest.fixture(scope="module")
def engine(demo_settings: Settings) -> Iterator[Engine]:
    engine = create_db_engine(demo_settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def summary(engine: Engine, demo_settings: Settings) -> str:
    with open_session(engine) as session:
        return load_demo_data(session, demo_settings)


@pytest.fixture
def session(engine: Engine, summary: str) -> Iterator[Session]:
    with open_session(engine) as session:
        yield session


def _count(session: Session, model: type[SQLModel]) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _resume_files(settings: Settings) -> set[str]:
    directory = ResumeStore(settings.upload_dir).directory
    return {path.name for path in directory.iterdir()} if directory.exists() else set()


def test_the_job_table_is_imported_and_published(session: Session) -> None:
    table = generate_job_table()
    jobs = session.exec(select(Job).where(Job.status == JobStatus.PUBLISHED)).all()
    assert {job.external_id for job in jobs} == {row["external_id"] for row in table}
    approved = session.exec(select(Company).where(Company.status == CompanyStatus.APPROVED)).all()
    assert len(approved) == len(FIRMS)


def test_company_profiles_are_complete(session: Session) -> None:
    for firm in FIRMS:
        company = session.exec(select(Company).where(Company.name_en == firm.name_en)).one()
        assert (company.name_zh, company.segment, company.city) == (firm.name_zh, firm.segment, firm.city)
        assert (company.hall, company.booth, company.website) == (firm.hall, firm.booth, firm.website)
        assert company.description_zh == firm.about_zh and company.description_en == firm.about_en


def test_foreign_firms_keep_their_english_name_and_get_a_chinese_one(session: Session) -> None:
    foreign = [firm for firm in FIRMS if firm.foreign]
    for firm in foreign:
        company = session.exec(select(Company).where(Company.name_en == firm.name_en)).one()
        assert company.name_zh == firm.name_zh != firm.name_en


def test_demo_accounts_are_verified_and_only_firms_without_an_account_are_invited(session: Session) -> None:
    """No verification mail for the demo accounts; the firms imported without one get their owner's
    invitation, kept for staff to read on the outbox page (no mail server on a demo board)."""
    from jobboard.mail.models import OutgoingMail

    assert (
        session.exec(
            select(func.count()).select_from(User).where(col(User.email_verified_at).is_(None))
        ).one()
        == 0
    )
    mails = session.exec(select(OutgoingMail)).all()
    assert mails and {mail.kind for mail in mails} == {"team_invitation"}
    accounts = set(session.exec(select(User.email)).all())
    assert not accounts & {mail.recipient for mail in mails}


def test_summary_says_where_the_sign_ins_are(summary: str) -> None:
    assert summary.startswith("demo data loaded: ")
    assert "jobboard demo-accounts" in summary


def test_demo_accounts_prints_sign_ins_that_work_on_the_loaded_board(
    session: Session, demo_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line `jobboard demo-accounts` prints (and `make run` shows) signs in with the role it names."""
    monkeypatch.setattr(cli, "get_settings", lambda: demo_settings)
    result = CliRunner().invoke(cli.jobboard, ["demo-accounts"])
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header == "sign in at http://127.0.0.1:8000/login (email / password):"
    printed = [re.fullmatch(r"  (\w+) +(\S+@\S+) / (\S+)(?:  \((.+)\))?", line) for line in lines]
    assert all(printed), lines
    roles = [match.group(1) for match in printed if match]
    assert roles == ["staff"] + ["employer"] * 5 + ["seeker"] * 5
    accounts = AccountService(session)
    for match in printed:
        assert match is not None
        role, email, password, who = match.groups()
        user = accounts.authenticate(email, password)
        assert user is not None and user.role == Role(role), email
        if user.company_id is not None:
            assert session.get(Company, user.company_id).name_zh == who.split(", ")[0]
        elif role == "seeker":
            assert user.full_name == who


def test_demo_accounts_can_sign_in_with_their_roles(session: Session) -> None:
    accounts = AccountService(session)
    staff = accounts.authenticate(STAFF_EMAIL, STAFF_PASSWORD)
    assert staff is not None and staff.role == Role.STAFF
    for n, firm in enumerate(FIRMS[:3], start=1):
        employer = accounts.authenticate(f"hr{n}@demo.example.cn", EMPLOYER_PASSWORD)
        assert employer is not None and employer.role == Role.EMPLOYER
        company = session.get(Company, employer.company_id)
        assert company is not None and company.name_zh == firm.name_zh
        assert employer.is_firm_owner  # who manages the firm's team on the demo board
    seeker = accounts.authenticate("seeker1@demo.example.cn", SEEKER_PASSWORD)
    assert seeker is not None and seeker.role == Role.SEEKER and seeker.full_name
    seekers = session.exec(select(User).where(User.role == Role.SEEKER)).all()
    assert len(seekers) == 5 and all(not user.full_name.isascii() for user in seekers)


def test_staff_have_firms_and_jobs_to_review(session: Session) -> None:
    for n, firm in enumerate(PENDING_FIRMS, start=1):
        company = session.exec(select(Company).where(Company.name_zh == firm.name_zh)).one()
        assert company.status == CompanyStatus.PENDING and company.name_en == firm.name_en
        employer = session.exec(select(User).where(User.email == f"hr-pending{n}@demo.example.cn")).one()
        assert employer.company_id == company.id and employer.role == Role.EMPLOYER
        statuses = {job.status for job in session.exec(select(Job).where(Job.company_id == company.id))}
        assert statuses == {JobStatus.DRAFT, JobStatus.PENDING}
    queue = session.exec(select(Job).where(Job.status == JobStatus.PENDING)).all()
    assert len(queue) >= 3


def test_applications_have_their_resume_files(session: Session, demo_settings: Settings) -> None:
    applications = session.exec(select(Application)).all()
    assert applications
    assert {ApplicationStatus.SUBMITTED, ApplicationStatus.VIEWED, ApplicationStatus.INTERVIEW} <= {
        application.status for application in applications
    }
    store = ResumeStore(demo_settings.upload_dir)
    kept = [application for application in applications if application.has_resume]
    withdrawn = [
        application for application in applications if application.status == ApplicationStatus.WITHDRAWN
    ]
    assert withdrawn and not any(application.has_resume for application in withdrawn)  # their files went
    assert _resume_files(demo_settings) == {application.resume_key for application in kept}
    for application in kept:
        content = store.path(application.resume_key).read_bytes()
        check_resume(content)  # a real PDF, as an upload would have to be
        assert application.resume_size == len(content)
        job = session.get(Job, application.job_id)
        assert job is not None
        company = session.get(Company, job.company_id)
        assert company is not None and company.name_zh in application.consent_recipient


def test_a_second_call_adds_nothing(engine: Engine, demo_settings: Settings, summary: str) -> None:
    def counts() -> list[int]:
        with open_session(engine) as session:
            return [_count(session, model) for model in (Company, Job, User, Application)]

    before, files_before = counts(), _resume_files(demo_settings)
    with open_session(engine) as session:
        message = load_demo_data(session, demo_settings)
    assert "not loaded" in message
    assert counts() == before
    assert _resume_files(demo_settings) == files_before


def test_nothing_is_loaded_next_to_an_existing_company(tmp_path: Path, database_url: str) -> None:
    settings = Settings(database_url=database_url, upload_dir=tmp_path / "uploads")
    engine = create_db_engine(settings.database_url)
    try:
        with open_session(engine) as session:
            session.add(Company(name_zh="长春某光电有限公司", status=CompanyStatus.APPROVED))
            session.commit()
            assert "not loaded" in load_demo_data(session, settings)
            assert _count(session, Company) == 1 and _count(session, Job) == 0 and _count(session, User) == 0
    finally:
        engine.dispose()


def test_loads_into_the_migrated_schema(settings: Settings) -> None:
    """What ``make run`` does: ``jobboard migrate`` (Alembic), then ``jobboard demo-data``."""
    engine = create_db_engine(settings.database_url)
    try:
        with open_session(engine) as session:
            assert load_demo_data(session, settings).startswith("demo data loaded: ")
        with open_session(engine) as session:
            published = session.exec(select(func.count()).where(Job.status == JobStatus.PUBLISHED)).one()
            assert published == len(generate_job_table())
            assert _count(session, Company) == len(FIRMS) + len(PENDING_FIRMS)
    finally:
        engine.dispose()
