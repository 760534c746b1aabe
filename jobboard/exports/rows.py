"""The applicant rows of an export: one query, read in short keyset batches so memory stays flat.

Each batch is its own short transaction. On SQLite every transaction of the board begins IMMEDIATE
(it takes the write lock), so one long read would hold up every writer for the whole export; short
batches let applications and logins through between them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Engine, Select, String, cast, func, select
from sqlmodel import col

from jobboard.applications.models import SEEN_BY_FIRM, Application
from jobboard.companies.models import Company
from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.jobs.models import Job

BATCH_ROWS = 2000


class ApplicantRow(NamedTuple):
    """The columns of one export row, in query order; batches hold plain tuples in this order."""

    id: int
    # UTC: text as SQLite stores it ('2026-09-01 01:30:00.000000'); a datetime from PostgreSQL
    created_at: datetime | str
    status: str
    company: str
    job_title: str
    job_ref: str  # the job table's own reference, else the board's job number
    name: str
    email: str
    phone: str
    cover_letter: str
    resume_filename: str
    resume_key: str


TEXT_COLUMNS = slice(3, 11)  # company … resume_filename: the cells a person typed

_COLUMNS = (
    col(Application.id),
    col(Application.created_at),
    col(Application.status),
    col(Company.name_zh),
    func.coalesce(func.nullif(col(Job.title), ""), col(Job.title_en)),  # a job posted in English only
    func.coalesce(col(Job.external_id), cast(col(Job.id), String)),
    col(Application.applicant_name),
    col(Application.applicant_email),
    col(Application.applicant_phone),
    col(Application.cover_letter),
    col(Application.resume_filename),
    col(Application.resume_key),
)


ApplicantQuery = Select[*tuple[Any, ...]]  # one applicant a row, columns as in _COLUMNS


def fair_day_start(day: date) -> datetime:
    """Midnight at the fair (Asia/Shanghai) that begins ``day``."""
    return datetime.combine(day, time.min, tzinfo=FAIR_TIMEZONE)


def applicant_query(
    *,
    company_id: int | None = None,
    job_id: int | None = None,
    statuses: Sequence[str] = (),
    segments: Sequence[str] = (),
    applied_from: date | None = None,
    applied_to: date | None = None,
) -> ApplicantQuery:
    """Applicants in one scope, with filters; dates are whole days at the fair, both ends included.
    Withdrawn applications are never exported: their resume and letter are gone, and no firm may see them."""
    query: ApplicantQuery = (
        select(*_COLUMNS)
        .select_from(Application)
        .join(Job, col(Application.job_id) == col(Job.id))
        .join(Company, col(Job.company_id) == col(Company.id))
        .where(SEEN_BY_FIRM)
        .order_by(col(Application.id))
    )
    if company_id is not None:
        query = query.where(col(Job.company_id) == company_id)
    if job_id is not None:
        query = query.where(col(Application.job_id) == job_id)
    if statuses:
        query = query.where(col(Application.status).in_(statuses))
    if segments:
        query = query.where(col(Company.segment).in_(segments))
    if applied_from is not None:
        query = query.where(col(Application.created_at) >= fair_day_start(applied_from))
    if applied_to is not None:
        query = query.where(col(Application.created_at) < fair_day_start(applied_to + timedelta(days=1)))
    return query


def applicant_batches(
    engine: Engine, query: ApplicantQuery, size: int = BATCH_ROWS
) -> Iterator[list[tuple[Any, ...]]]:
    """The query's rows in id order, ``size`` at a time, each batch read in its own short transaction.

    Rows come straight from the database driver as tuples (``ApplicantRow`` order): SQLAlchemy's row
    objects and type conversions would double the time of a 100,000-row export."""
    after = 0
    while True:
        with engine.connect() as connection:
            result = connection.execute(query.where(col(Application.id) > after).limit(size))
            batch = list(result.cursor.fetchall())
        if not batch:
            return
        yield batch
        if len(batch) < size:
            return
        after = batch[-1][0]
