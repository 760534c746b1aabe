"""Staff import job tables from the web: upload, preview every problem, then confirm.

The same :class:`ImportService` as ``jobboard import-jobs`` judges and writes; the upload waits on the
server between preview and confirmation (see ``jobboard.imports.uploads``).
"""

from __future__ import annotations

from dataclasses import dataclass

from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_staff
from jobboard.audit.services import audit_page
from jobboard.core.db import saved_id
from jobboard.core.errors import NotFound
from jobboard.core.i18n import get_locale, ngettext
from jobboard.core.i18n import gettext as _
from jobboard.imports.columns import heading_parts, normalize_heading
from jobboard.imports.firms import FirmChoices, firm_choices
from jobboard.imports.problems import column_name
from jobboard.imports.report import FILE_LEVEL, ImportProblem, ImportReport
from jobboard.imports.services import ImportService
from jobboard.imports.template import TEMPLATE_FILENAME, XLSX_MEDIA_TYPE, template_workbook_bytes
from jobboard.imports.uploads import MAX_UPLOAD_BYTES, PendingImports
from jobboard.web.dependencies import BoardSettings, DbSession
from jobboard.web.forms import FormData, UploadData, cleaned

UPLOAD_ROUTE_BODY_LIMIT = MAX_UPLOAD_BYTES + 200_000  # the file plus the form's other fields
RECENT_IMPORTS = 10


@dataclass(frozen=True)
class ProblemRow:
    line: int | None  # None: the whole file
    column: str
    message: str


def column_text(problem: ImportProblem, language: str) -> str:
    """The column once, by its name in the reader's language; with the file's heading beside it only when
    that heading names it otherwise (学历 for 学历要求, or 学历要求 on an English page)."""
    name = column_name(problem.column, language)
    heading = " ".join(problem.header.split())
    if not heading or not name:
        return heading or name
    own_names = {normalize_heading(name)} | (
        {normalize_heading(problem.column)} if language == "en" else set()
    )
    if heading_parts(heading) & own_names:
        return name
    return f"{heading} ({name})"


def problem_rows(problems: list[ImportProblem]) -> list[ProblemRow]:
    language = get_locale()
    return [
        ProblemRow(None if p.line == FILE_LEVEL else p.line, column_text(p, language), p.message(language))
        for p in problems
    ]


def _preview_page(report: ImportReport, token: str | None, status_code: int = 200) -> Template:
    return Template(
        "imports/preview.html",
        status_code=status_code,
        context={
            "report": report,
            "token": token,
            "problems": problem_rows(report.problems),
            "warnings": problem_rows(report.warnings),
            "importable": report.created + report.updated,
        },
    )


def _upload_page(db_session: DbSession, error: str = "", status_code: int = 200) -> Template:
    recent = audit_page(db_session, "jobs.imported", 1, page_size=RECENT_IMPORTS)
    return Template(
        "imports/upload.html",
        status_code=status_code,
        context={
            "error": error,
            "recent": recent.events,
            "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        },
    )


class ImportController(Controller):
    path = "/staff/imports"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_imports", sync_to_thread=True)
    def upload_page(self, db_session: DbSession) -> Template:
        return _upload_page(db_session)

    @get("/template.xlsx", name="staff_import_template", sync_to_thread=True)
    def template(self) -> Response[bytes]:
        return Response(
            template_workbook_bytes(),
            media_type=XLSX_MEDIA_TYPE,
            headers={
                "Content-Disposition": f'attachment; filename="{TEMPLATE_FILENAME}"',
                "Cache-Control": "no-store",
            },
        )

    @post("/", sync_to_thread=True, request_max_body_size=UPLOAD_ROUTE_BODY_LIMIT)
    def preview(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        settings: BoardSettings,
        data: UploadData,
    ) -> Template:
        upload = data.get("table")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return _upload_page(db_session, _("Choose a job table (.csv, .xlsx or .jsonl) to upload."), 400)
        content = upload.file.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            message = _(
                "The file is larger than %(mb)s MB; split it and import the parts.",
                mb=MAX_UPLOAD_BYTES // (1024 * 1024),
            )
            return _upload_page(db_session, message, 400)
        store = PendingImports(settings.upload_dir)
        token = store.keep(saved_id(request.user.id), upload.filename, content)
        report = ImportService(db_session).preview_file(store.path(saved_id(request.user.id), token))
        if report.file_problems or not report.created + report.updated:
            store.discard(saved_id(request.user.id), token)  # nothing could be imported: nothing to keep
            return _preview_page(report, None, 400)
        return _preview_page(report, token)

    @post("/confirm", sync_to_thread=True)
    def confirm(
        self, request: SignedInRequest, db_session: DbSession, settings: BoardSettings, data: FormData
    ) -> Template | Redirect:
        values = cleaned(data)
        token = str(values.get("upload", ""))
        store = PendingImports(settings.upload_dir)
        try:
            path = store.path(saved_id(request.user.id), token)
        except NotFound:
            flash(
                request,
                _("This upload has expired or was already imported. Please upload the file again."),
                "error",
            )
            return Redirect("/staff/imports")
        report = ImportService(db_session).import_file(
            path,
            skip_invalid=values.get("skip_invalid") == "yes",
            actor_id=request.user.id,
            firms=FirmChoices(firm_choices(values)),
        )
        if not report.imported:  # the board changed since the preview; show what stands in the way now
            flash(request, _("Nothing was imported."), "error")
            return _preview_page(report, token, 409)
        store.discard(saved_id(request.user.id), token)
        flash(
            request,
            _(
                "%(file)s imported: %(created)s, %(updated)s updated, %(companies)s.",
                file=report.source_name,
                created=ngettext("%(num)s new job", "%(num)s new jobs", report.created),
                updated=report.updated,
                companies=ngettext("%(num)s new company", "%(num)s new companies", report.companies_created),
            ),
            "success",
        )
        if report.owners_invited:
            text = ngettext(
                "%(num)s company was invited by mail to create its account.",
                "%(num)s companies were invited by mail to create their accounts.",
                report.owners_invited,
            )
            flash(request, text, "info")
        return Redirect("/staff/imports")
