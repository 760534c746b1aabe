"""Who may export what: the scope an actor may have, and the export as decided (scope, filters, format)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session

from jobboard.accounts.models import User
from jobboard.companies.services import hiring_company_id
from jobboard.core.clock import fair_today
from jobboard.core.errors import InvalidInput, NotFound
from jobboard.exports.filters import ExportFilters
from jobboard.jobs.models import Job


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    ZIP = "zip"  # the resumes of one company

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]


_MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.ZIP: "application/zip",
}


@dataclass(frozen=True)
class ExportScope:
    company_id: int | None = None
    job_id: int | None = None


@dataclass(frozen=True)
class Export:
    """One export as decided: the scope ``scope_for`` allowed, the filters and the file format."""

    scope: ExportScope
    filters: ExportFilters = field(default_factory=ExportFilters)
    file_format: ExportFormat = ExportFormat.CSV

    def filename(self) -> str:
        stem = "resumes" if self.file_format is ExportFormat.ZIP else "applicants"
        parts = [stem]
        if self.scope.company_id is not None:
            parts.append(f"company{self.scope.company_id}")
        if self.scope.job_id is not None:
            parts.append(f"job{self.scope.job_id}")
        return "-".join([*parts, fair_today().isoformat()]) + f".{self.file_format}"


def scope_for(session: Session, actor: User, requested: ExportScope) -> ExportScope:
    """Staff may export anything; an employer only its own company's applicants, whatever it asks for, and
    only while the company is approved."""
    if actor.is_staff:
        return requested
    if not actor.is_employer:
        raise NotFound()
    company_id = hiring_company_id(session, actor)
    if requested.company_id not in (None, company_id):
        raise NotFound()
    if requested.job_id is not None:
        job = session.get(Job, requested.job_id)
        if job is None or job.company_id != company_id:
            raise NotFound()
    return ExportScope(company_id=company_id, job_id=requested.job_id)


def plan_export(
    session: Session,
    actor: User | None,
    requested: ExportScope,
    filters: ExportFilters,
    file_format: ExportFormat,
) -> Export:
    """The export an actor may have (``None``: the ``jobboard`` command, run by the fair's operators)."""
    scope = requested if actor is None else scope_for(session, actor, requested)
    if file_format is ExportFormat.ZIP and scope.company_id is None:
        raise InvalidInput({"company": "missing"})  # resumes go out one company at a time
    return Export(scope=scope, filters=filters, file_format=file_format)
