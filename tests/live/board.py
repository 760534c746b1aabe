"""Filling a live board's database, and a visitor that speaks HTTP to a live node.

Jobs go in through the real import service (approved firms, published jobs, outbox rows); seekers are
inserted in bulk with one password hash, since hashing at production cost for each would take minutes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

import httpx
from pypdf import PdfWriter
from sqlalchemy import Engine, insert
from sqlmodel import Session, col, select

from jobboard.accounts.models import Role, User
from jobboard.accounts.services import AccountService, hash_password
from jobboard.core.clock import utcnow
from jobboard.core.db import create_db_engine, open_session
from jobboard.demo.generator import generate_job_table
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job

PASSWORD = "live-board-password-2026"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_server_url() -> str:
    """The PostgreSQL server the live tests use: the suite's own when it runs on PostgreSQL."""
    url = os.environ.get("JOBBOARD_TEST_DATABASE_URL", "").strip()
    return url if url.startswith("postgresql") else DEFAULT_POSTGRES


@contextmanager
def engine_for(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def job_rows(count: int, prefix: str = "LIVE", seed: int = 2026) -> list[dict[str, Any]]:
    """``count`` realistic postings of the demo firms, as an import table with unique external ids."""
    rows: list[dict[str, Any]] = []
    round_ = 0
    while len(rows) < count:
        rows.extend(generate_job_table(seed + round_))
        round_ += 1
    for number, row in enumerate(rows[:count], start=1):
        row["external_id"] = f"{prefix}-{number:05d}"
    return rows[:count]


def import_jobs(engine: Engine, rows: Iterable[dict[str, Any]]) -> list[int]:
    """Publishes the rows (creating their approved firms); returns the new jobs' ids in row order."""
    rows = list(rows)
    with open_session(engine) as session:
        report = ImportService(session).import_records(rows, source_name="live", actor_id=None)
        assert report.imported, report.problems[:3]
        ids = dict(
            session.exec(
                select(Job.external_id, Job.id).where(
                    col(Job.external_id).in_([r["external_id"] for r in rows])
                )
            ).all()
        )
    return [ids[row["external_id"]] for row in rows]


def create_seekers(engine: Engine, count: int, prefix: str = "seeker") -> list[str]:
    """``count`` verified job seekers sharing one password (one hash computed once); their addresses."""
    password_hash = hash_password(PASSWORD)
    verified_at = utcnow()
    emails = [f"{prefix}{number:05d}@live.example.cn" for number in range(count)]
    with engine.begin() as connection:
        connection.execute(
            insert(User),
            [
                {
                    "email": email,
                    "password_hash": password_hash,
                    "role": Role.SEEKER,
                    "full_name": f"求职者{n}",
                    "phone": "",
                    "is_active": True,
                    "email_verified_at": verified_at,
                }
                for n, email in enumerate(emails)
            ],
        )
    return emails


def create_staff(engine: Engine, email: str = "staff@live.example.cn") -> str:
    with open_session(engine) as session:
        AccountService(session).create_staff(email, PASSWORD)
    return email


def pdf_bytes(padding: int = 0) -> bytes:
    """A one-page PDF; ``padding`` bytes of metadata make it as large as a real resume (not an attached
    file: the board refuses PDFs that carry one)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Keywords": os.urandom(padding // 2).hex()})
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def count_rows(engine: Engine, model: type, *where: Any) -> int:
    from sqlalchemy import func

    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())


class LiveVisitor:
    """One person's browser against a live node: cookies, the CSRF token, no redirects followed."""

    def __init__(self, base_url: str, timeout: float = 30) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)
        self.client.get("/login")  # sets the CSRF cookie

    def close(self) -> None:
        self.client.close()

    @property
    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken") or ""

    def login(self, email: str, password: str = PASSWORD) -> httpx.Response:
        return self.client.post(
            "/login", data={"email": email, "password": password, "_csrf_token": self.csrf}
        )

    def post(self, url: str, data: dict[str, str] | None = None) -> httpx.Response:
        return self.client.post(url, data=(data or {}) | {"_csrf_token": self.csrf})

    def apply(self, job_id: int, content: bytes, timeout: float | None = None) -> httpx.Response:
        form = {"cover_letter": "", "consent": "yes", "_csrf_token": self.csrf}
        files = {"resume": ("简历.pdf", content, "application/pdf")}
        extra = {"timeout": timeout} if timeout is not None else {}
        return self.client.post(f"/jobs/{job_id}/apply", data=form, files=files, **extra)


def pending_job(engine: Engine, title: str, description: str = "负责激光器与光学系统的研发。") -> int:
    """A job an employer of an approved firm submitted for review (not public yet); its id."""
    from jobboard.companies.models import Company, CompanyStatus
    from jobboard.jobs.models import JobPosting
    from jobboard.jobs.services import JobService

    with open_session(engine) as session:
        company = session.exec(select(Company).where(Company.status == CompanyStatus.APPROVED)).first()
        assert company is not None, "import some jobs first: their firms are approved"
        employer = User(
            email=f"hr-{title.encode().hex()[:16]}@live.example.cn",
            password_hash=hash_password(PASSWORD),
            role=Role.EMPLOYER,
            full_name="王芳",
            company_id=company.id,
        )
        session.add(employer)
        session.commit()
        posting = JobPosting(title=title, description=description, city="长春")
        job = JobService(session).create(company, posting, employer, submit=True)
        assert job.id is not None
        return job.id
