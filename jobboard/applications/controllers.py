"""Applying with a resume, the job seeker's applications, and each employer's applicant pipeline."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import File, Redirect, Template

from jobboard.accounts.guards import (
    SignedInRequest,
    requires_employer,
    requires_seeker,
    requires_verified_email,
)
from jobboard.applications.models import APPLICATION_PIPELINE, DECLINE_UNDO_WINDOW, ApplicationStatus
from jobboard.applications.notes import StepNote
from jobboard.applications.resumes import MAX_RESUME_BYTES, ResumeStore
from jobboard.applications.services import (
    ApplicationService,
    ResumeUpload,
    application_status,
    consent_recipient,
)
from jobboard.core.errors import Conflict, InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import BoardSettings, DbSession
from jobboard.web.forms import Form, FormData, UploadData
from jobboard.web.ratelimit import apply_rate_limit
from jobboard.web.security import SANDBOX

RESUME_ROUTE_BODY_LIMIT = MAX_RESUME_BYTES + 200_000  # the PDF plus the form's other fields
NOTE_FIELDS = ("message", "interview_at", "place")  # what a step's form may say to the candidate


def provide_applications(db_session: DbSession, settings: BoardSettings) -> ApplicationService:
    return ApplicationService(db_session, ResumeStore(settings.upload_dir))


Applications = NamedDependency[ApplicationService]
APPLICATION_DEPENDENCIES = {"applications": Provide(provide_applications, sync_to_thread=False)}


def _pdf_response(path: Any, filename: str) -> File:
    return File(
        path=path,
        filename=filename,
        media_type="application/pdf",
        content_disposition_type="attachment",
        headers={"Content-Security-Policy": SANDBOX},  # what someone uploaded never runs here
    )


def _upload(value: Any) -> ResumeUpload | None:
    if not isinstance(value, UploadFile) or not value.filename:
        return None
    return ResumeUpload(filename=value.filename, content=value.file.read(MAX_RESUME_BYTES + 1))


class SeekerApplicationController(Controller):
    guards = [requires_seeker]
    dependencies = APPLICATION_DEPENDENCIES
    include_in_schema = False

    @get("/jobs/{job_id:int}/apply", name="apply", sync_to_thread=True, guards=[requires_verified_email])
    def apply_page(self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int]) -> Template:
        job, company = JobService(db_session).get_public(job_id)
        applied = application_status(db_session, request.user, job_id)
        return Template("applications/apply.html", context=_apply_context(job, company, Form(), applied))

    @post(
        "/jobs/{job_id:int}/apply",
        sync_to_thread=True,
        request_max_body_size=RESUME_ROUTE_BODY_LIMIT,
        guards=[requires_verified_email, apply_rate_limit],
    )
    def apply(
        self,
        request: SignedInRequest,
        applications: Applications,
        job_id: FromPath[int],
        data: UploadData,
    ) -> Template | Redirect:
        cover_letter = str(data.get("cover_letter") or "").strip()
        consent = data.get("consent") == "yes"
        try:
            applications.apply(request.user, job_id, _upload(data.get("resume")), cover_letter, consent)
        except Conflict as error:
            if error.code != "already_applied":
                raise
            # A second tap, or a second tab: the first application stands; show where it is.
            flash(request, _("You have already applied for this job."), "info")
            return Redirect("/me/applications")
        except InvalidInput as error:
            job, company = JobService(applications.session).get_public(job_id)
            # The box comes back as it was left; the file cannot (the page says to choose it again).
            form = Form.failed({"cover_letter": cover_letter, "consent": consent}, error)
            return Template(
                "applications/apply.html", context=_apply_context(job, company, form), status_code=400
            )
        flash(request, _("Your application was sent."), "success")
        return Redirect("/me/applications")

    @get("/me/applications", name="my_applications", sync_to_thread=True)
    def my_applications(self, request: SignedInRequest, applications: Applications) -> Template:
        rows = applications.list_for_seeker(request.user)
        return Template("applications/mine.html", context={"rows": rows, "pipeline": APPLICATION_PIPELINE})

    @get("/me/applications/{application_id:int}/withdraw", name="confirm_withdraw", sync_to_thread=True)
    def confirm_withdraw(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> Template:
        """Asks first, on a page of its own (no script needed), and says what withdrawing means."""
        application, job, company = applications.get_for_seeker(request.user, application_id)
        context = {
            "application": application,
            "job": job,
            "company": company,
            "pipeline": APPLICATION_PIPELINE,
        }
        return Template("applications/confirm_withdraw.html", context=context)

    @post("/me/applications/{application_id:int}/withdraw", sync_to_thread=True)
    def withdraw(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> Redirect:
        applications.withdraw(request.user, application_id)
        flash(request, _("Your application was withdrawn."), "info")
        return Redirect("/me/applications")

    @get("/me/applications/{application_id:int}/resume", sync_to_thread=True)
    def own_resume(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> File:
        return _pdf_response(*applications.own_resume(request.user, application_id))


def _detail_page(
    applications: ApplicationService,
    employer: Any,
    application: Any,
    job: Any,
    form: Form | None = None,
    status_code: int = 200,
) -> Template:
    """One applicant and the firm's next steps, each with a message to the candidate (and the interview's
    time and place with an invitation)."""
    context = {
        "application": application,
        "job": job,
        "actions": applications.actions_for(application, employer),
        "undo_until": applications.decline_undo_until(application),
        "form": form or Form(),
        "blank": Form(),  # the other steps' forms, when one of them comes back with errors
    }
    return Template("applications/employer_detail.html", context=context, status_code=status_code)


def _apply_context(
    job: Any, company: Any, form: Form, applied: ApplicationStatus | None = None
) -> dict[str, Any]:
    return {
        "job": job,
        "company": company,
        "form": form,
        "recipient": consent_recipient(company),
        "applied": applied,
    }


class EmployerApplicationController(Controller):
    path = "/employer"
    guards = [requires_employer]
    dependencies = APPLICATION_DEPENDENCIES
    include_in_schema = False

    @get("/jobs/{job_id:int}/applications", name="employer_job_applications", sync_to_thread=True)
    def job_applications(
        self,
        request: SignedInRequest,
        applications: Applications,
        job_id: FromPath[int],
    ) -> Template:
        job, applicants = applications.list_for_job(request.user, job_id)
        return Template("applications/job_applicants.html", context={"job": job, "applications": applicants})

    @get("/applications/{application_id:int}", name="employer_application", sync_to_thread=True)
    def application_page(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> Template:
        application, job = applications.open_for_employer(request.user, application_id)
        return _detail_page(applications, request.user, application, job)

    @get("/applications/{application_id:int}/decline", name="employer_confirm_decline", sync_to_thread=True)
    def confirm_decline(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> Template:
        """A decline is asked for on a page of its own, which says it can be undone for a few minutes."""
        application, job = applications.get_for_employer(request.user, application_id)
        context = {
            "application": application,
            "job": job,
            "actions": applications.actions_for(application, request.user),
            "minutes": int(DECLINE_UNDO_WINDOW.total_seconds() // 60),
            "form": Form(),
        }
        return Template("applications/confirm_decline.html", context=context)

    @post("/applications/{application_id:int}/{action:str}", sync_to_thread=True)
    def change_status(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Template | Redirect:
        chosen = APPLICATION_PIPELINE.action_named(action)
        fields = {name: str(data.get(name) or "") for name in NOTE_FIELDS}
        try:
            note = StepNote.read(chosen, **fields, now=applications.clock())
            application = applications.employer_transition(request.user, application_id, chosen, note)
        except InvalidInput as error:
            form = Form.failed(fields | {"action": chosen}, error)
            application, job = applications.get_for_employer(request.user, application_id)
            return _detail_page(applications, request.user, application, job, form, status_code=400)
        except Conflict as error:
            if error.code != "decline_undo_expired":
                raise
            flash(request, _("The time to undo the decline has passed; it stands."), "error")
            return Redirect(f"/employer/applications/{application_id}")
        flash(request, _("The application is now: %(status)s.", status=label(application.status)), "success")
        return Redirect(f"/employer/applications/{application_id}")

    @get("/applications/{application_id:int}/resume", name="employer_resume", sync_to_thread=True)
    def resume(
        self,
        request: SignedInRequest,
        applications: Applications,
        application_id: FromPath[int],
    ) -> File:
        return _pdf_response(*applications.resume_for_employer(request.user, application_id))
