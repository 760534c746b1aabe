"""The bytes of an export, and the record of every export.

One implementation for the web and the ``jobboard export-applicants`` command: both plan an ``Export``
(``plans.plan_export``) and take its bytes from ``export_chunks``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from jobboard.applications.models import ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.audit import services as audit
from jobboard.core.db import open_session
from jobboard.core.labels import label
from jobboard.exports.filters import ExportFilters
from jobboard.exports.plans import Export, ExportFormat, ExportScope
from jobboard.exports.resumes import zip_chunks
from jobboard.exports.rows import applicant_batches, applicant_query
from jobboard.exports.writers import Tally, csv_chunks, xlsx_chunks


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
