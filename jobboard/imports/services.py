"""Importing job tables: validate every row first, then write all of it in one transaction.

Rules (issue 2 §11, issue 4): missing firms are created approved, imported jobs are published, the
same ``external_id`` updates its job, and when any row is bad nothing is written unless
``skip_invalid``. A firm name near an existing firm's is a problem until staff say which firm it is
(issue 11 item 8, see ``jobboard.imports.firms``). One commit at the end; any error rolls everything back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlmodel import Session

from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.companies.services import CompanyService
from jobboard.core.db import unit_of_work
from jobboard.imports.checks import (
    check_booths,
    check_ownership,
    existing_companies,
    existing_jobs,
    warn_unapproved,
)
from jobboard.imports.firms import NO_ANSWERS, FirmChoices, settle_firms
from jobboard.imports.preview import preview_rows
from jobboard.imports.reading import Table, read_table, read_table_bytes, table_from_mappings
from jobboard.imports.report import ImportReport
from jobboard.imports.rows import RowValidator, ValidRow
from jobboard.imports.statistics import refresh_statistics
from jobboard.jobs.models import Job
from jobboard.jobs.services import JobService
from jobboard.teams.invitations import TeamInvitations


class ImportService:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Entry points

    def import_file(
        self,
        path: Path | str,
        *,
        skip_invalid: bool = False,
        show_progress: bool = False,
        actor_id: int | None = None,
        firms: FirmChoices = NO_ANSWERS,
    ) -> ImportReport:
        return self._run(
            read_table(path),
            skip_invalid=skip_invalid,
            actor_id=actor_id,
            show_progress=show_progress,
            write=True,
            firms=firms,
        )

    def preview_file(self, path: Path | str) -> ImportReport:
        """Everything the import would report, and what it would create or update; writes nothing."""
        return self._run(read_table(path), skip_invalid=True, actor_id=None, show_progress=False, write=False)

    def import_bytes(
        self,
        data: bytes,
        filename: str,
        *,
        skip_invalid: bool = False,
        actor_id: int | None = None,
        firms: FirmChoices = NO_ANSWERS,
    ) -> ImportReport:
        """For uploads: ``filename`` only chooses the format and names the import in the audit log."""
        return self._run(
            read_table_bytes(data, filename),
            skip_invalid=skip_invalid,
            actor_id=actor_id,
            show_progress=False,
            write=True,
            firms=firms,
        )

    def preview_bytes(self, data: bytes, filename: str) -> ImportReport:
        return self._run(
            read_table_bytes(data, filename),
            skip_invalid=True,
            actor_id=None,
            show_progress=False,
            write=False,
        )

    def import_records(
        self,
        records: Iterable[Mapping[str, object]],
        *,
        source_name: str,
        skip_invalid: bool = False,
        actor_id: int | None = None,
        show_progress: bool = False,
    ) -> ImportReport:
        """Records in the English column format (or with Chinese keys), e.g. from the demo-data loader.
        The board generates these and names each firm as it means it: every firm not found is new."""
        return self._run(
            table_from_mappings(records, source_name),
            skip_invalid=skip_invalid,
            actor_id=actor_id,
            show_progress=show_progress,
            write=True,
            firms=FirmChoices(all_new=True),
        )

    # The import

    def _run(
        self,
        table: Table,
        *,
        skip_invalid: bool,
        actor_id: int | None,
        show_progress: bool,
        write: bool,
        firms: FirmChoices = NO_ANSWERS,
    ) -> ImportReport:
        report = ImportReport(
            table.source_name,
            rows_total=table.rows_total,
            problems=list(table.problems),
            ignored_columns=list(table.ignored_columns),
            preview=not write,
        )
        if report.file_problems:
            return report
        with _progress(show_progress) as progress:
            rows = self._validate(table, report, progress)
            with unit_of_work(self.session):  # the whole table or, on any error, nothing
                companies = existing_companies(self.session, rows)
                rows = settle_firms(self.session, rows, companies, firms, report, asking=not write)
                jobs = existing_jobs(self.session, rows)
                rows = check_ownership(rows, companies, jobs, report)
                rows = check_booths(self.session, rows, companies, report)
                warn_unapproved(rows, companies, report)
                report.problems.sort(key=lambda problem: problem.line)
                if not write or not rows or (report.problems and not skip_invalid):
                    if not write:
                        self._count(rows, companies, jobs, report)
                        report.rows = preview_rows(table.records, rows, jobs, report)
                    # Transaction control, not error handling: nothing is written, and ending the read
                    # transaction here releases SQLite's write lock before the report is rendered.
                    self.session.rollback()
                    return report
                self._write(rows, companies, jobs, report, actor_id, skip_invalid, progress)
            refresh_statistics(self.session)
        report.imported = True
        return report

    def _validate(self, table: Table, report: ImportReport, progress: Progress) -> list[ValidRow]:
        validator = RowValidator(table.headings)
        rows: list[ValidRow] = []
        task = progress.add_task("检查 validating", total=len(table.records))
        for line, raw in table.records:
            result = validator.validate(line, raw)
            if isinstance(result, ValidRow):
                rows.append(result)
            else:
                report.problems.extend(result)
            progress.advance(task)
        return rows

    def _count(
        self, rows: list[ValidRow], companies: dict[str, Company], jobs: dict[str, Job], report: ImportReport
    ) -> None:
        report.created = sum(1 for row in rows if row.external_id not in jobs)
        report.updated = len(rows) - report.created
        report.companies_created = len({row.company for row in rows if row.company not in companies})

    def _write(
        self,
        rows: list[ValidRow],
        companies: dict[str, Company],
        jobs: dict[str, Job],
        report: ImportReport,
        actor_id: int | None,
        skip_invalid: bool,
        progress: Progress,
    ) -> None:
        company_service = CompanyService(self.session)
        job_service = JobService(self.session)
        task = progress.add_task("导入 importing", total=len(rows))
        for row in rows:
            company = companies.get(row.company)
            if company is None:
                company = company_service.ensure_approved(row.company, row.segment, row.booth, actor_id)
                companies[row.company] = company
                report.companies_created += 1
            job = jobs.get(row.external_id)
            if job is None:
                report.created += 1
            else:
                report.updated += 1
            jobs[row.external_id] = job_service.apply_import(
                job, company, row.external_id, row.posting, actor_id
            )
            progress.advance(task)
        report.owners_invited = self._invite_owners(rows, companies, actor_id)
        # Counts and the file's name only: the table's contact addresses stay out of the audit log.
        audit.record(
            self.session,
            actor_id=actor_id,
            action="jobs.imported",
            subject_type="import",
            subject_id=None,
            file=report.source_name,
            rows=report.rows_total,
            created=report.created,
            updated=report.updated,
            companies_created=report.companies_created,
            owners_invited=report.owners_invited,
            bad_rows=len(report.bad_lines),
            skip_invalid=skip_invalid,
        )

    def _invite_owners(
        self, rows: list[ValidRow], companies: dict[str, Company], actor_id: int | None
    ) -> int:
        """Each firm's first contact address in the table is invited to own it, once (see
        ``TeamInvitations.invite_firm_contacts``): the firms staff import get a way in."""
        contacts: dict[str, tuple[Company, str]] = {}
        for row in rows:
            if row.posting.contact_email and row.company not in contacts:
                contacts[row.company] = (companies[row.company], row.posting.contact_email)
        return TeamInvitations(self.session).invite_firm_contacts(list(contacts.values()), actor_id)


@contextmanager
def _progress(show: bool) -> Iterator[Progress]:
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        disable=not show,
    )
    with progress:
        yield progress
