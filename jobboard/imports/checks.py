"""What an import checks against the board before it writes: the firms and jobs a table names (looked up
in chunks, not one query a row), ids that belong to another firm's job, booths another firm holds, and
firms whose jobs will stay hidden."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from sqlmodel import Session, col, or_, select

from jobboard.companies.models import Company, booth_key
from jobboard.companies.services import CompanyService
from jobboard.imports.report import ImportProblem, ImportReport
from jobboard.imports.rows import ValidRow
from jobboard.jobs.models import Job

LOOKUP_CHUNK = 500  # ids per IN (...) query: far below SQLite's and PostgreSQL's parameter limits
T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def existing_companies(session: Session, rows: list[ValidRow]) -> dict[str, Company]:
    """Firms by the name the table uses: Chinese or English name, as ``find_by_name`` matches."""
    names = sorted({row.company for row in rows})
    found: dict[str, Company] = {}
    for chunk in _chunks(names):
        query = select(Company).where(or_(col(Company.name_zh).in_(chunk), col(Company.name_en).in_(chunk)))
        for company in session.exec(query):
            found.setdefault(company.name_en, company)
            found[company.name_zh] = company  # the Chinese name wins over another firm's English name
    return {name: found[name] for name in names if name in found}


def existing_jobs(session: Session, rows: list[ValidRow]) -> dict[str, Job]:
    ids = sorted({row.external_id for row in rows})
    jobs: dict[str, Job] = {}
    for chunk in _chunks(ids):
        for job in session.exec(select(Job).where(col(Job.external_id).in_(chunk))):
            if job.external_id is not None:
                jobs[job.external_id] = job
    return jobs


def check_ownership(
    rows: list[ValidRow], companies: dict[str, Company], jobs: dict[str, Job], report: ImportReport
) -> list[ValidRow]:
    """An id already used by another firm's job is refused: firms number their jobs 1, 2, 3 alike,
    and updating would hand one firm's job to another."""
    kept: list[ValidRow] = []
    for row in rows:
        job = jobs.get(row.external_id)
        company = companies.get(row.company)
        if job is not None and (company is None or job.company_id != company.id):
            report.problems.append(
                ImportProblem(row.line, "external_id", "external_id_taken", {"external_id": row.external_id})
            )
        else:
            kept.append(row)
    return kept


def check_booths(
    session: Session, rows: list[ValidRow], companies: dict[str, Company], report: ImportReport
) -> list[ValidRow]:
    """A firm the import creates (approved) takes its booth only if no other approved firm holds it,
    nor another new firm earlier in the table; the problem names the holder for staff."""
    new_booths = (row.booth for row in rows if row.company not in companies)
    holders = {key: firm.name_zh for key, firm in CompanyService(session).booth_holders(new_booths).items()}
    kept: list[ValidRow] = []
    for row in rows:
        key = booth_key(row.booth)
        is_new = row.company not in companies
        holder = holders.setdefault(key, row.company) if is_new and key else row.company
        if holder == row.company:
            kept.append(row)
        else:
            params = {"booth": row.booth, "company": holder}
            report.problems.append(ImportProblem(row.line, "booth", "booth_taken", params))
    return kept


def warn_unapproved(rows: list[ValidRow], companies: dict[str, Company], report: ImportReport) -> None:
    """Import keeps a firm's status: a suspended firm stays hidden, and staff should know."""
    warned: set[str] = set()
    for row in rows:
        company = companies.get(row.company)
        if company is not None and not company.is_approved and row.company not in warned:
            warned.add(row.company)
            params = {"company": row.company, "status": company.status}
            report.warnings.append(ImportProblem(row.line, "company", "company_not_approved", params))
