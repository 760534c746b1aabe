"""``jobboard export-applicants``: the staff export from the command line (CSV, XLSX, a firm's resumes)."""

from __future__ import annotations

from pathlib import Path

import click

from jobboard.applications.resumes import ResumeStore
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.errors import InvalidInput
from jobboard.core.settings import get_settings
from jobboard.exports.filters import parse_filters
from jobboard.exports.plans import ExportFormat, ExportScope, plan_export
from jobboard.exports.streaming import write_export_file


@click.command("export-applicants")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "xlsx", "zip"]),
    default="csv",
    show_default=True,
    help="csv (UTF-8 with BOM), xlsx (Excel), zip (one company's resumes).",
)
@click.option("--company", "company_id", type=int, help="Only this company's applicants.")
@click.option("--job", "job_id", type=int, help="Only this job's applicants.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Only this status; repeat for several (submitted, viewed, interview, offer, hired, "
    "rejected, withdrawn).",
)
@click.option("--since", metavar="YYYY-MM-DD", help="Applied on or after this day (at the fair).")
@click.option("--until", metavar="YYYY-MM-DD", help="Applied on or before this day (at the fair).")
@click.option(
    "--segment",
    "segments",
    multiple=True,
    metavar="SEGMENT",
    help="Only firms of this segment; repeat for several (chips, optics, satellites, automotive, "
    "networks, other).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_applicants(
    file_format: str,
    company_id: int | None,
    job_id: int | None,
    statuses: tuple[str, ...],
    since: str | None,
    until: str | None,
    segments: tuple[str, ...],
    output: Path,
) -> None:
    """Export applicants as CSV or XLSX (safe against formula injection), or one company's resumes as ZIP.

    Days are days at the fair (Asia/Shanghai), both ends included. The export is recorded in the audit
    trail like a download from the web, with no actor.
    """
    settings = get_settings()
    engine = create_db_engine(settings.database_url)
    try:
        try:
            filters = parse_filters(statuses, segments, since, until)
            requested = ExportScope(company_id=company_id, job_id=job_id)
            with open_session(engine) as session:
                export = plan_export(session, None, requested, filters, ExportFormat(file_format))
        except InvalidInput as error:
            raise click.UsageError(_export_problems(error.errors)) from None
        resumes = ResumeStore(settings.upload_dir)
        rows = write_export_file(engine, export, output, actor_id=None, resumes=resumes)
    finally:
        engine.dispose()
    click.echo(f"{rows} {'resumes' if export.file_format == 'zip' else 'applicants'} written to {output}")


_EXPORT_OPTIONS = {"applied_from": "--since", "applied_to": "--until"}
_EXPORT_PROBLEMS = {
    "enum": "is not one of the choices (see --help)",
    "date_parsing": "is not a date like 2026-09-01",
    "date_range_reversed": "is before --since",
    "missing": "is needed for --format zip",
}


def _export_problems(errors: dict[str, str]) -> str:
    return "; ".join(
        f"{_EXPORT_OPTIONS.get(name, '--' + name)} {_EXPORT_PROBLEMS.get(code, code)}"
        for name, code in errors.items()
    )
