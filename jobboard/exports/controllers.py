"""Applicant downloads: staff for any scope, employers for their own company only (``scope_for`` decides)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, QueryParameter
from litestar.response import Stream, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST
from sqlalchemy import Engine
from sqlmodel import Session

from jobboard.accounts.guards import SignedInRequest, requires_login
from jobboard.applications.models import ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.companies.models import Segment
from jobboard.companies.services import CompanyService
from jobboard.core.errors import InvalidInput
from jobboard.core.settings import Settings
from jobboard.exports.filters import ExportFilters, parse_filters
from jobboard.exports.plans import ExportFormat, ExportScope, plan_export, scope_for
from jobboard.exports.streaming import export_chunks
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import BoardSettings, DbEngine, DbSession
from jobboard.web.forms import Form, optional_choice, optional_int
from jobboard.web.security import SANDBOX


def read_export_form(
    company: FromQuery[str | None] = None,
    job: FromQuery[str | None] = None,
    status: FromQuery[list[str] | None] = None,
    segment: FromQuery[list[str] | None] = None,
    applied_from: FromQuery[str | None] = None,
    applied_to: FromQuery[str | None] = None,
    file_format: Annotated[str | None, QueryParameter(name="format")] = None,
) -> dict[str, Any]:
    """The export form as sent, kept as text so that a page with errors shows it back unchanged."""
    return {
        "company": company or "",
        "job": job or "",
        "status": status or [],
        "segment": segment or [],
        "applied_from": applied_from or "",
        "applied_to": applied_to or "",
        "format": file_format or "",
    }


ExportForm = NamedDependency[dict[str, Any]]
T = TypeVar("T")


class ExportController(Controller):
    path = "/exports"
    guards = [requires_login]
    include_in_schema = False
    dependencies = {"export_form": Provide(read_export_form, sync_to_thread=False)}

    @get("/", name="exports", sync_to_thread=True)
    def export_page(self, request: SignedInRequest, db_session: DbSession) -> Template:
        return _page(request, db_session, Form())

    @get("/applicants", name="export_download", sync_to_thread=True)
    def download(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        engine: DbEngine,
        settings: BoardSettings,
        export_form: ExportForm,
    ) -> Stream | Template:
        """The page's form: the format is one of its fields."""
        return _download(request, db_session, engine, settings, export_form, None)

    @get("/applicants.csv", name="export_csv", sync_to_thread=True)
    def applicants_csv(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        engine: DbEngine,
        settings: BoardSettings,
        export_form: ExportForm,
    ) -> Stream | Template:
        return _download(request, db_session, engine, settings, export_form, ExportFormat.CSV)

    @get("/applicants.xlsx", name="export_xlsx", sync_to_thread=True)
    def applicants_xlsx(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        engine: DbEngine,
        settings: BoardSettings,
        export_form: ExportForm,
    ) -> Stream | Template:
        return _download(request, db_session, engine, settings, export_form, ExportFormat.XLSX)

    @get("/resumes.zip", name="export_resumes", sync_to_thread=True)
    def resumes_zip(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        engine: DbEngine,
        settings: BoardSettings,
        export_form: ExportForm,
    ) -> Stream | Template:
        return _download(request, db_session, engine, settings, export_form, ExportFormat.ZIP)


def _download(
    request: SignedInRequest,
    db_session: Session,
    engine: Engine,
    settings: Settings,
    form: dict[str, Any],
    file_format: ExportFormat | None,
) -> Stream | Template:
    """Another firm's company or job is a 404 (from ``scope_for``); bad input shows the form again."""
    try:
        requested, filters, chosen_format = _read_form(form, file_format)
        export = plan_export(db_session, request.user, requested, filters, chosen_format)
    except InvalidInput as error:
        return _page(request, db_session, Form.failed(form, error), HTTP_400_BAD_REQUEST)
    chunks = export_chunks(engine, export, request.user.id, resumes=ResumeStore(settings.upload_dir))
    return Stream(
        chunks,
        media_type=export.file_format.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{export.filename()}"',
            "Cache-Control": "no-store",
            "Content-Security-Policy": SANDBOX,
        },
    )


def _read_form(
    form: dict[str, Any], file_format: ExportFormat | None
) -> tuple[ExportScope, ExportFilters, ExportFormat]:
    """Every problem of the form at once, as ``InvalidInput``."""
    problems: dict[str, str] = {}

    def field(read: Callable[[], T], fallback: T) -> T:
        try:
            return read()
        except InvalidInput as error:
            problems.update(error.errors)
            return fallback

    company = field(lambda: optional_int("company", form["company"]), None)
    job = field(lambda: optional_int("job", form["job"]), None)
    chosen_format = file_format or field(
        lambda: optional_choice("format", ExportFormat, form["format"]), None
    )
    filters = field(
        lambda: parse_filters(form["status"], form["segment"], form["applied_from"], form["applied_to"]),
        ExportFilters(),
    )
    if problems:
        raise InvalidInput(problems)
    return ExportScope(company_id=company, job_id=job), filters, chosen_format or ExportFormat.CSV


def _page(request: SignedInRequest, db_session: Session, form: Form, status_code: int = 200) -> Template:
    """The form offers what this person may export: staff any company, an employer its own jobs."""
    user = request.user
    own = scope_for(db_session, user, ExportScope())  # a job seeker gets a 404 here, as on the downloads
    companies = CompanyService(db_session).list_by_status() if user.is_staff else []
    jobs = JobService(db_session).list_for_company(own.company_id) if own.company_id is not None else []
    return Template(
        "exports/index.html",
        status_code=status_code,
        context={
            "form": form,
            "companies": companies,
            "jobs": jobs,
            "is_staff": user.is_staff,
            "statuses": list(ApplicationStatus),
            "segments": list(Segment),
            "formats": list(ExportFormat),
        },
    )
