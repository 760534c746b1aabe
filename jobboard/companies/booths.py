"""The booth directory: approved firms by hall and booth number, with how many jobs each has open."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from jobboard.companies.models import Company, CompanyStatus
from jobboard.companies.services import CompanyService
from jobboard.jobs.models import Job
from jobboard.jobs.services import JobService
from jobboard.jobs.visibility import public_job_condition

NO_HALL = ""  # firms without a booth yet: listed last


@dataclass(frozen=True)
class BoothEntry:
    company: Company
    open_jobs: int


@dataclass
class Hall:
    name: str  # "" for firms without a booth yet
    entries: list[BoothEntry] = field(default_factory=list)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A2-9 before A2-10 before A10-1: numbers compare as numbers."""
    parts = re.findall(r"\d+|\D+", text.strip().upper())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


def hall_of(company: Company) -> str:
    """The hall given, else the part of the booth number before its dash (B2-016 is in hall B2)."""
    if company.hall.strip():
        return company.hall.strip()
    booth = company.booth.strip()
    return booth.split("-", 1)[0].strip() if "-" in booth else NO_HALL


def open_job_counts(session: Session) -> dict[int, int]:
    rows = session.exec(
        select(Job.company_id, func.count(col(Job.id)))
        .join(Company, col(Company.id) == col(Job.company_id))
        .where(public_job_condition())
        .group_by(col(Job.company_id))
    ).all()
    return dict(rows)


def booth_directory(session: Session, hall: str | None = None) -> list[Hall]:
    """Halls in order (firms without a booth last), firms within a hall by booth number."""
    counts = open_job_counts(session)
    companies = session.exec(select(Company).where(Company.status == CompanyStatus.APPROVED)).all()
    halls: dict[str, Hall] = {}
    for company in companies:
        name = hall_of(company)
        if hall is not None and name != hall:
            continue
        halls.setdefault(name, Hall(name)).entries.append(BoothEntry(company, counts.get(company.id or 0, 0)))
    for item in halls.values():
        item.entries.sort(key=lambda entry: (natural_key(entry.company.booth), entry.company.name_zh))
    return sorted(halls.values(), key=lambda item: (item.name == NO_HALL, natural_key(item.name)))


def hall_names(session: Session) -> list[str]:
    companies = session.exec(select(Company).where(Company.status == CompanyStatus.APPROVED)).all()
    return sorted({hall_of(company) for company in companies} - {NO_HALL}, key=natural_key)


@dataclass(frozen=True)
class Poster:
    company: Company
    jobs: Sequence[Job]
    url: str


def booth_poster(session: Session, company_id: int, base_url: str) -> Poster:
    """What the printed poster shows; only approved firms have one (others are not found)."""
    company = CompanyService(session).get_approved(company_id)
    jobs = JobService(session).list_public_of_company(company_id)
    return Poster(company=company, jobs=jobs, url=f"{base_url.rstrip('/')}/companies/{company_id}")
