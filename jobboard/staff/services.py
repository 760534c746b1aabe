"""The fair at a glance, counted straight from the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from jobboard.applications.models import Application
from jobboard.companies.models import Company, CompanyStatus, Segment
from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.core.db import saved_id
from jobboard.jobs.models import Job, JobStatus
from jobboard.jobs.visibility import public_job_condition
from jobboard.search.stats import SearchSummary, search_summary

__all__ = ["FairOverview", "FirmCount", "fair_overview"]

DAYS_SHOWN = 30  # applications per day: the last month that had any
TOP_FIRMS = 10
UNAPPLIED_SHOWN = 20


@dataclass(frozen=True)
class FirmCount:
    company_id: int
    name_zh: str
    name_en: str
    applications: int


@dataclass(frozen=True)
class FairOverview:
    companies_by_status: dict[CompanyStatus, int]
    jobs_by_status: dict[JobStatus, int]
    applications: int
    applications_by_day: list[tuple[date, int]]
    applications_by_segment: dict[Segment, int]
    top_firms: list[FirmCount]
    open_jobs_without_applicants: int
    unapplied_jobs: Sequence[tuple[Job, Company]]
    searches: SearchSummary


def _counts_by(session: Session, column: object) -> dict[Any, int]:
    return dict(session.exec(select(column, func.count()).group_by(column)).all())  # type: ignore[call-overload]


def _fair_day(session: Session, column: Any) -> Any:
    """The calendar day at the fair (Changchun, UTC+8, no daylight saving) of a UTC timestamp column."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone(str(FAIR_TIMEZONE), column))
    offset = datetime(2026, 1, 1, tzinfo=FAIR_TIMEZONE).utcoffset() or timedelta(0)
    return func.date(column, f"{int(offset.total_seconds()):+d} seconds")


def applications_by_day(session: Session, days: int = DAYS_SHOWN) -> list[tuple[date, int]]:
    """Each day from the first to the last day with applications (at most ``days``), empty days as 0."""
    day = _fair_day(session, Application.created_at)
    rows = session.exec(select(day, func.count()).group_by(day)).all()
    counts = {value if isinstance(value, date) else date.fromisoformat(str(value)): n for value, n in rows}
    if not counts:
        return []
    last = max(counts)
    first = max(min(counts), last - timedelta(days=days - 1))
    return [
        (first + timedelta(n), counts.get(first + timedelta(n), 0)) for n in range((last - first).days + 1)
    ]


def applications_by_segment(session: Session) -> dict[Segment, int]:
    rows = session.exec(
        select(Company.segment, func.count(col(Application.id)))
        .join(Job, col(Job.id) == col(Application.job_id))
        .join(Company, col(Company.id) == col(Job.company_id))
        .group_by(Company.segment)
    ).all()
    counts = dict(rows)
    return {segment: counts.get(segment, 0) for segment in Segment}


def top_firms(session: Session, limit: int = TOP_FIRMS) -> list[FirmCount]:
    count = func.count(col(Application.id))
    rows = session.exec(
        select(Company.id, Company.name_zh, Company.name_en, count)
        .join(Job, col(Job.company_id) == col(Company.id))
        .join(Application, col(Application.job_id) == col(Job.id))
        .group_by(col(Company.id), col(Company.name_zh), col(Company.name_en))
        .order_by(count.desc(), col(Company.name_zh))
        .limit(limit)
    ).all()
    return [FirmCount(saved_id(company_id), zh, en, n) for company_id, zh, en, n in rows]


def _unapplied_condition() -> Any:
    applied = select(Application.id).where(col(Application.job_id) == col(Job.id)).exists()
    return public_job_condition() & ~applied


def unapplied_jobs(
    session: Session, limit: int = UNAPPLIED_SHOWN
) -> tuple[int, Sequence[tuple[Job, Company]]]:
    """Open (public) jobs nobody has applied to: how many, and the longest-waiting first."""
    total = session.exec(
        select(func.count(col(Job.id)))
        .join(Company, col(Company.id) == col(Job.company_id))
        .where(_unapplied_condition())
    ).one()
    rows = session.exec(
        select(Job, Company)
        .join(Company, col(Company.id) == col(Job.company_id))
        .where(_unapplied_condition())
        .order_by(col(Job.published_at), col(Job.id))
        .limit(limit)
    ).all()
    return total, rows


def fair_overview(session: Session) -> FairOverview:
    companies = _counts_by(session, Company.status)
    jobs = _counts_by(session, Job.status)
    unapplied_total, unapplied = unapplied_jobs(session)
    return FairOverview(
        companies_by_status={status: companies.get(status, 0) for status in CompanyStatus},
        jobs_by_status={status: jobs.get(status, 0) for status in JobStatus},
        applications=session.exec(select(func.count()).select_from(Application)).one(),
        applications_by_day=applications_by_day(session),
        applications_by_segment=applications_by_segment(session),
        top_firms=top_firms(session),
        open_jobs_without_applicants=unapplied_total,
        unapplied_jobs=unapplied,
        searches=search_summary(session),
    )
