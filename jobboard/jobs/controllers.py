"""Job pages: the public posting, and the employer's own postings (create, edit, submit, close)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.concurrency import sync_to_thread
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template
from sqlmodel import Session

from jobboard.accounts.guards import SignedInRequest, requires_employer
from jobboard.accounts.models import User
from jobboard.applications.services import application_status
from jobboard.companies.services import CompanyService
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.core.validation import validate
from jobboard.jobs.models import JOB_LIFECYCLE, Education, Experience, Job, JobPosting, JobType
from jobboard.jobs.services import JobService
from jobboard.search.dependencies import SearchIndex
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.fragments import KeptParts, PagePart, part_key, render_part

FORM_CHOICES = {"job_types": list(JobType), "educations": list(Education), "experiences": list(Experience)}


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
        try:
            posting = validate(JobPosting, values)
            job = JobService(db_session).create(
                company, posting, employer, submit=values.get("intent") == "submit"
            )
        except InvalidInput as error:
            return self._form_with_errors(values, error, None)
        flash(request, _("The job was saved: %(status)s.", status=label(job.status)), "success")
        return Redirect("/employer")

    @get("/{job_id:int}/edit", name="employer_job_edit", sync_to_thread=True)
    def edit_job_page(
        self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int]
    ) -> Template:
        job = JobService(db_session).get_owned(job_id, request.user)
        return Template(
            "jobs/form.html",
            context={"form": Form(values=_posting_form_values(job)), "job": job, **FORM_CHOICES},
        )

    @post("/{job_id:int}/edit", sync_to_thread=True)
    def update_job(
        self, request: SignedInRequest, db_session: DbSession, job_id: FromPath[int], data: FormData
    ) -> Template | Redirect:
        values = cleaned(data)
        service = JobService(db_session)
        job = service.get_owned(job_id, request.user)
        try:
            service.revise(
                job, validate(JobPosting, values), request.user, submit=values.get("intent") == "submit"
            )
        except InvalidInput as error:
            return self._form_with_errors(values, error, job)
        flash(request, _("The job was saved: %(status)s.", status=label(job.status)), "success")
        return Redirect("/employer")

    @post("/{job_id:int}/{action:str}", sync_to_thread=True)
    def change_job_state(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        job_id: FromPath[int],
        action: FromPath[str],
    ) -> Redirect:
        job = JobService(db_session).transition(job_id, JOB_LIFECYCLE.action_named(action), request.user)
        flash(request, _("The job is now: %(status)s.", status=label(job.status)), "success")
        return Redirect("/employer")

    @staticmethod
    def _form_with_errors(values: dict[str, Any], error: InvalidInput, job: Job | None) -> Template:
        return Template(
            "jobs/form.html",
            context={"form": Form.failed(values, error), "job": job, **FORM_CHOICES},
            status_code=400,
        )
