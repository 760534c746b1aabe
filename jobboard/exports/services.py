"""Who may export what, which applicants an export holds, and the record of every export.

One implementation for the web and the ``jobboard export-applicants`` command: both build an ``Export``
and take its bytes from ``export_chunks``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from jobboard.accounts.models import User
from jobboard.applications.models import ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.audit import services as audit
from jobboard.companies.models import Segment
from jobboard.core.clock import fair_today
from jobboard.core.db import open_session
from jobboard.core.errors import InvalidInput, NotFound
from jobboard.core.labels import label
from jobboard.exports.resumes import zip_chunks
from jobboard.exports.rows import applicant_batches, applicant_query
from jobboard.exports.writers import HEADERS, UTF8_BOM, Tally, csv_chunks, xlsx_chunks
from jobboard.jobs.models import Job

__all__ = [
    "HEADERS",
    "UTF8_BOM",
    "Export",
    "ExportFilters",
    "ExportFormat",
    "ExportScope",
    "Tally",
    "export_chunks",
    "parse_filters",
    "plan_export",
    "record_export",
    "scope_for",
    "write_export_file",
]

EnumT = TypeVar("EnumT", bound=StrEnum)


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
class ExportFilters:
    """Which applicants within the scope: any of ``statuses``, any of ``segments``, applied within the days
    ``applied_from``..``applied_to`` at the fair (both included). Empty means no filter."""

    statuses: tuple[ApplicationStatus, ...] = ()
    segments: tuple[Segment, ...] = ()
    applied_from: date | None = None
    applied_to: date | None = None

    def described(self) -> dict[str, object]:
        """The filters for the audit record: plain values, only those in use."""
        detail: dict[str, object] = {
            "status": [str(status) for status in self.statuses],
            "segment": [str(segment) for segment in self.segments],
            "applied_from": self.applied_from.isoformat() if self.applied_from else None,
            "applied_to": self.applied_to.isoformat() if self.applied_to else None,
        }
        return {name: value for name, value in detail.items() if value}


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


# Who may export what


def scope_for(session: Session, actor: User, requested: ExportScope) -> ExportScope:
    """Staff may export anything; an employer only its own company's applicants, whatever it asks for."""
    if actor.is_staff:
        return requested
    if not actor.is_employer or actor.company_id is None:
        raise NotFound()
    if requested.company_id not in (None, actor.company_id):
        raise NotFound()
    if requested.job_id is not None:
        job = session.get(Job, requested.job_id)
        if job is None or job.company_id != actor.company_id:
            raise NotFound()
    return ExportScope(company_id=actor.company_id, job_id=requested.job_id)


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


# Reading filters from a form or the command line


def parse_filters(
    statuses: Iterable[str] = (),
    segments: Iterable[str] = (),
    applied_from: str | None = None,
    applied_to: str | None = None,
) -> ExportFilters:
    """Filters from text; every problem is reported at once, by field, as ``InvalidInput``."""
    problems: dict[str, str] = {}
    parsed = ExportFilters(
        statuses=_choices("status", ApplicationStatus, statuses, problems),
        segments=_choices("segment", Segment, segments, problems),
        applied_from=_day("applied_from", applied_from, problems),
        applied_to=_day("applied_to", applied_to, problems),
    )
    if parsed.applied_from and parsed.applied_to and parsed.applied_from > parsed.applied_to:
        problems.setdefault("applied_to", "value_error")
    if problems:
        raise InvalidInput(problems)
    return parsed


def _choices(
    name: str, enum: type[EnumT], values: Iterable[str], problems: dict[str, str]
) -> tuple[EnumT, ...]:
    chosen: list[EnumT] = []
    for value in (value.strip() for value in values):
        if not value:
            continue
        try:
            member = enum(value)
        except ValueError:
            problems[name] = "enum"
            continue
        if member not in chosen:
            chosen.append(member)
    return tuple(chosen)


def _day(name: str, value: str | None, problems: dict[str, str]) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        problems[name] = "date_parsing"
        return None


# The bytes of an export, and its audit record


def export_batches(engine: Engine, export: Export) -> Iterator[list[tuple[Any, ...]]]:
    """The export's applicants, in batches of plain rows (``ApplicantRow`` order)."""
    filters = export.filters
    return applicant_batches(
        engine,
        applicant_query(
            company_id=export.scope.company_id,
            job_id=export.scope.job_id,
            statuses=filters.statuses,
            segments=filters.segments,
            applied_from=filters.applied_from,
            applied_to=filters.applied_to,
        ),
    )


def export_chunks(
    engine: Engine,
    export: Export,
    actor_id: int | None,
    *,
    resumes: ResumeStore | None = None,
    channel: str = "web",
    tally: Tally | None = None,
) -> Iterator[bytes]:
    """The file as byte chunks. The export is recorded when the last chunk is out, or, if the download
    stops half-way, with the rows sent so far and ``complete: false`` (personal data left either way).

    Status labels are read here, in the reader's language, before the first chunk is asked for."""
    status_labels = {str(status): label(status) for status in ApplicationStatus}
    tally = tally if tally is not None else Tally()
    return _recorded(engine, export, actor_id, status_labels, tally, resumes, channel)


def _recorded(
    engine: Engine,
    export: Export,
    actor_id: int | None,
    status_labels: dict[str, str],
    tally: Tally,
    resumes: ResumeStore | None,
    channel: str,
) -> Iterator[bytes]:
    complete = False
    try:
        yield from _format_chunks(engine, export, status_labels, tally, resumes)
        complete = True
    finally:
        with open_session(engine) as session:
            record_export(
                session,
                actor_id,
                export.scope,
                export.file_format,
                tally.rows,
                filters=export.filters,
                complete=complete,
                channel=channel,
                **({"missing_files": tally.missing} if export.file_format is ExportFormat.ZIP else {}),
            )


def _format_chunks(
    engine: Engine, export: Export, status_labels: dict[str, str], tally: Tally, resumes: ResumeStore | None
) -> Iterator[bytes]:
    batches = export_batches(engine, export)
    if export.file_format is ExportFormat.CSV:
        return csv_chunks(batches, status_labels, tally)
    if export.file_format is ExportFormat.XLSX:
        return xlsx_chunks(batches, status_labels, tally)
    if resumes is None:
        raise ValueError("a ZIP of resumes needs the resume store")
    return zip_chunks(batches, resumes, tally)


def record_export(
    session: Session,
    actor_id: int | None,
    scope: ExportScope,
    file_format: str,
    rows: int,
    filters: ExportFilters | None = None,
    **detail: object,
) -> None:
    """Who took which applicants out, in which format, how many (ids and counts only, no personal data)."""
    described_scope = {name: value for name, value in asdict(scope).items() if value is not None}
    audit.record(
        session,
        actor_id=actor_id,
        action="applicants.exported",
        subject_type="export",
        subject_id=None,
        format=str(file_format),
        rows=rows,
        **described_scope,
        **(filters.described() if filters else {}),
        **detail,
    )
    session.commit()


def write_export_file(
    engine: Engine,
    export: Export,
    output: Path,
    actor_id: int | None = None,
    resumes: ResumeStore | None = None,
    channel: str = "cli",
) -> int:
    """Writes the export to ``output`` (via a partial file, so a failure leaves nothing half-written) and
    returns the number of rows (resumes, for a ZIP)."""
    partial = output.with_name(f".{output.name}.part")
    tally = Tally()
    chunks = export_chunks(engine, export, actor_id, resumes=resumes, channel=channel, tally=tally)
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return tally.rows
