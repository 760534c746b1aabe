"""Job pages: the public posting, and the employer's own postings (create, edit, preview, submit, close)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.concurrency import sync_to_thread
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template
from sqlmodel import Session

from jobboard.accounts.guards import SignedInRequest, check_verified, requires_employer
from jobboard.accounts.models import User
from jobboard.applications.services import application_status
from jobboard.companies.services import CompanyService
from jobboard.core.db import saved_id
from jobboard.core.errors import Conflict, InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.core.validation import validate
from jobboard.jobs.models import (
    JOB_LIFECYCLE,
    UNDO_CLOSE_WINDOW,
    Education,
    Experience,
    Job,
    JobAction,
    JobPosting,
    JobStatus,
    JobType,
)
from jobboard.jobs.revisions import RevisionService
from jobboard.jobs.services import JobService
from jobboard.search.dependencies import SearchIndex
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.fragments import KeptParts, PagePart, part_key, render_part

FORM_CHOICES = {"job_types": list(JobType), "educations": list(Education), "experiences": list(Experience)}
UNDO_MINUTES = int(UNDO_CLOSE_WINDOW.total_seconds() // 60)


def _render_posting(request: SignedInRequest, db_session: Session, job_id: int) -> PagePart:
    job, company = JobService(db_session).get_public(job_id)
    context = {"job": job, "company": company}
    return render_part(
        request, "jobs/_posting.html", context, keep=("page_title", "page_description", "head")
    )


class PublicJobController(Controller):
    include_in_schema = False

    @get("/jobs/{job_id:int}", name="job_detail")
    async def job_page(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        search: SearchIndex,
        page_parts: KeptParts,
        job_id: FromPath[int],
    ) -> Template:
        # The posting as rendered for an earlier reader while the index (which every edit of a job or its
        # company goes through) has not changed; whether this reader has applied, from the database.
        # The session connects only if the posting has to be rendered or the reader may have applied.
        key = part_key(request, "job-posting", search.version())
        posting = await page_parts.kept(key, _render_posting, request, db_session, job_id)
        user: User | None = request.user
        applied = (  # where this reader's application stands (None: not applied)
            await sync_to_thread(application_status, db_session, user, job_id)
            if user is not None and user.is_seeker
            else None
        )
        return Template(
            "jobs/detail.html", context={"posting": posting, "job_id": job_id, "applied": applied}
        )


def _posting_form_values(job: Job) -> dict[str, Any]:
    return job.model_dump(include=set(JobPosting.model_fields))


def _saved_message(job: Job, revisions: RevisionService) -> str:
    if job.status == JobStatus.PUBLISHED and revisions.pending_of(saved_id(job.id)) is not None:
        return _("Your changes await review; the published version stays online until they are approved.")
    return _("The job was saved: %(status)s.", status=label(job.status))


def _changed_state_message(job: Job) -> str:
    if job.may_undo_close():
        return _(
            "The job is closed. For %(minutes)s minutes you can undo this from your dashboard.",
            minutes=UNDO_MINUTES,
        )
    return _("The job is now: %(status)s.", status=label(job.status))


def _submits(values: dict[str, Any], employer: User) -> bool:
    """Whether the form asks for review: only from a verified address (else the page says to verify)."""
    submit = values.get("intent") == "submit"
    if submit:
        check_verified(employer)
    return submit


class EmployerJobController(Controller):
    path = "/employer/jobs"
    guards = [requires_employer]
    include_in_schema = False

    @get("/new", name="employer_job_new")
    async def new_job_page(self) -> Template:
        return Template(
            "jobs/form.html", context={"form": Form(values={"city": "长春"}), "job": None, **FORM_CHOICES}
        )

    @post("/new", sync_to_thread=True)
    def create_job(
        self, request: SignedInRequest, db_session: DbSession, data: FormData
    ) -> Template | Redirect:
        values = cleaned(data)
        employer: User = request.user
        company = CompanyService(db_session).get(employer.firm_id)
        submit = _submits(values, employer)
        try:
            posting = validate(JobPosting, values)
            job = JobService(db_session).create(company, posting, employer, submit=submit)
        except InvalidInput as error:
            return self._form_with_errors(values, error, None)
        flash(request, _("The job was saved: %(status)s.", status=label(job.status)), "success")
        return Redirect("/employer")

    @get("/{job_id:int}/edit", name="employer_job_edit", sync_to_thread=True)
    def edit_job_page(
        self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int]
    ) -> Template:
        """A published job's form starts from the changes waiting for review, if there are any."""
        job = JobService(db_session).get_owned(job_id, request.user)
        revisions = RevisionService(db_session)
        revision = revisions.pending_of(job_id)
        values = _posting_form_values(revisions.as_revised(job, revision))
        return Template(
            "jobs/form.html",
            context={"form": Form(values=values), "job": job, "revision": revision, **FORM_CHOICES},
        )

    @get("/{job_id:int}/preview", name="employer_job_preview", sync_to_thread=True)
    def preview_job(self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int]) -> Template:
        """The posting as the public will read it: with the changes waiting for review, if any."""
        job = JobService(db_session).get_owned(job_id, request.user)
        revisions = RevisionService(db_session)
        revision = revisions.pending_of(job_id)
        context = {
            "job": revisions.as_revised(job, revision),
            "live": job,
            "revision": revision,
            "company": CompanyService(db_session).get(job.company_id),
        }
        return Template("jobs/preview.html", context=context)

    @get("/{job_id:int}/confirm-close", name="employer_job_close", sync_to_thread=True)
    def close_job_page(
        self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int]
    ) -> Template:
        """Closing asks first and says what it means (a page, so it works without JavaScript)."""
        job = JobService(db_session).get_owned(job_id, request.user)
        return Template("jobs/close.html", context={"job": job, "minutes": UNDO_MINUTES})

    @post("/{job_id:int}/edit", sync_to_thread=True)
    def update_job(
        self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int], data: FormData
    ) -> Template | Redirect:
        values = cleaned(data)
        service = JobService(db_session)
        job = service.get_owned(job_id, request.user)
        submit = _submits(values, request.user)
        try:
            service.revise(job, validate(JobPosting, values), request.user, submit=submit)
        except InvalidInput as error:
            return self._form_with_errors(values, error, job)
        flash(request, _saved_message(job, RevisionService(db_session)), "success")
        return Redirect("/employer")

    @post("/{job_id:int}/{action:str}", sync_to_thread=True)
    def change_job_state(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        job_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        chosen = JOB_LIFECYCLE.action_named(action)
        if chosen == JobAction.SUBMIT:
            check_verified(request.user)
        if chosen == JobAction.CLOSE and cleaned(data).get("confirm") != "yes":
            return Redirect(f"/employer/jobs/{job_id}/confirm-close")
        try:
            job = JobService(db_session).transition(job_id, chosen, request.user)
        except Conflict as error:
            if error.code != "undo_close_too_late":
                raise
            message = _(
                "It is too late to undo the close: reopen the job as a draft and submit it for review."
            )
            flash(request, message, "error")
            return Redirect("/employer")
        flash(request, _changed_state_message(job), "success")
        return Redirect("/employer")

    @staticmethod
    def _form_with_errors(values: dict[str, Any], error: InvalidInput, job: Job | None) -> Template:
        return Template(
            "jobs/form.html",
            context={"form": Form.failed(values, error), "job": job, **FORM_CHOICES},
            status_code=400,
        )
