"""A small board written straight to the database, for the export services; and the web fixtures."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell import Cell
from pypdf import PdfWriter
from sqlalchemy import Engine
from sqlmodel import Session, col, select

import jobboard.models  # noqa: F401  (registers every table)
from jobboard.accounts.models import Role, User
from jobboard.applications.models import Application, ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company, CompanyStatus, Segment
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.exports.filters import ExportFilters
from jobboard.exports.plans import ExportFormat, ExportScope, plan_export
from jobboard.exports.streaming import export_chunks
from jobboard.exports.writers import UTF8_BOM
from jobboard.jobs.models import Job, JobStatus

FORMULAS = (  # each fits the shortest column it goes into (phone: 30 characters)
    '=HYPERLINK("http://x.cn","x")',
    "+86 138 0000 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\tcmd",
    "\rcmd",
)


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass
class Board:
    """Firm A (optics) with two jobs, firm B (chips) with one; applications added by the tests."""

    engine: Engine
    resumes: ResumeStore
    company_a: int = 0
    company_b: int = 0
    job_a1: int = 0
    job_a2: int = 0
    job_b1: int = 0
    employer_a: User = field(default_factory=lambda: User(email="", password_hash=""))
    employer_b: User = field(default_factory=lambda: User(email="", password_hash=""))
    staff: User = field(default_factory=lambda: User(email="", password_hash=""))
    seeker: User = field(default_factory=lambda: User(email="", password_hash=""))
    _seekers: int = 0

    def apply(
        self,
        job_id: int,
        name: str = "李明",
        *,
        status: ApplicationStatus = ApplicationStatus.SUBMITTED,
        at: datetime | None = None,
        cover_letter: str = "我有三年光纤激光器经验。",
        phone: str = "13800000000",
        email: str | None = None,
        resume: bool = True,
    ) -> int:
        """One application by a new job seeker; returns its id."""
        self._seekers += 1
        with open_session(self.engine) as session:
            person = _add(
                session, User(email=f"s{self._seekers}@example.cn", password_hash="x", full_name=name)
            )
            key = self.resumes.save(pdf_bytes()) if resume else f"{self._seekers:032x}.pdf"
            application = _add(
                session,
                Application(
                    job_id=job_id,
                    seeker_id=person.id,
                    status=status,
                    applicant_name=name,
                    applicant_email=email or person.email,
                    applicant_phone=phone,
                    cover_letter=cover_letter,
                    resume_key=key,
                    resume_filename="简历.pdf",
                    resume_size=100,
                    consent_recipient="firm",
                    created_at=at or datetime(2026, 9, 1, 2, 0, tzinfo=UTC),
                ),
            )
            return int(application.id or 0)

    def exports(self) -> list[dict[str, Any]]:
        """Every export recorded so far, oldest first: actor and detail."""
        with open_session(self.engine) as session:
            events = session.exec(
                select(AuditEvent)
                .where(AuditEvent.action == "applicants.exported")
                .order_by(col(AuditEvent.id))
            ).all()
        return [{"actor_id": event.actor_id, **event.detail} for event in events]


def _add(session: Session, record: Any) -> Any:
    session.add(record)
    session.commit()
    session.refresh(record)
    return record


def _company(session: Session, name: str, segment: Segment) -> Company:
    return _add(session, Company(name_zh=name, name_en="", segment=segment, status=CompanyStatus.APPROVED))


def _job(session: Session, company: Company, title: str, external_id: str | None = None) -> Job:
    return _add(
        session,
        Job(
            title=title,
            description="研发",
            city="长春",
            company_id=company.id,
            status=JobStatus.PUBLISHED,
            external_id=external_id,
        ),
    )


@pytest.fixture
def board(settings: Settings) -> Iterator[Board]:
    engine = create_db_engine(settings.database_url)
    with open_session(engine) as session:
        firm_a = _company(session, "长春甲光电有限公司", Segment.OPTICS)
        firm_b = _company(session, "长春乙芯片有限公司", Segment.CHIPS)
        built = Board(
            engine=engine,
            resumes=ResumeStore(settings.upload_dir),
            company_a=int(firm_a.id or 0),
            company_b=int(firm_b.id or 0),
            job_a1=int(_job(session, firm_a, "激光器研发工程师", "GBH-001").id or 0),
            job_a2=int(_job(session, firm_a, "光学设计工程师").id or 0),
            job_b1=int(_job(session, firm_b, "芯片测试工程师").id or 0),
            employer_a=_add(
                session,
                User(email="hr@a.example.cn", password_hash="x", role=Role.EMPLOYER, company_id=firm_a.id),
            ),
            employer_b=_add(
                session,
                User(email="hr@b.example.cn", password_hash="x", role=Role.EMPLOYER, company_id=firm_b.id),
            ),
            staff=_add(session, User(email="staff@fair.example.cn", password_hash="x", role=Role.STAFF)),
            seeker=_add(session, User(email="seeker@example.cn", password_hash="x", role=Role.SEEKER)),
        )
    yield built
    engine.dispose()


def download(
    board: Board,
    actor: User | None,
    file_format: ExportFormat = ExportFormat.CSV,
    scope: ExportScope | None = None,
    filters: ExportFilters | None = None,
) -> bytes:
    """An export as the web makes it: ``scope_for`` decides, then the chunks are joined."""
    with open_session(board.engine) as session:
        export = plan_export(session, actor, scope or ExportScope(), filters or ExportFilters(), file_format)
    return b"".join(export_chunks(board.engine, export, actor.id if actor else None, resumes=board.resumes))


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(UTF8_BOM.encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8")[1:], newline="")))


def read_xlsx(data: bytes) -> list[list[Cell]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows()]


def xlsx_values(data: bytes) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in read_xlsx(data)]
