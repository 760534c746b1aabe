"""Job moderation by fair staff: the postings waiting for review, published or sent back with a reason,
and the changes to published jobs waiting beside them."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_staff
from jobboard.companies.models import CompanyStatus
from jobboard.companies.services import CompanyService
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import N_
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.core.text import bilingual
from jobboard.jobs.labels import CHANGED_FIELD_LABELS
from jobboard.jobs.models import JOB_LIFECYCLE, REVISION_REVIEW, Job, JobStatus
from jobboard.jobs.revisions import RevisionService
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import FormData, cleaned

REASON_NEEDED = N_("Please give a reason; the employer will see it.")


def _decided_message(job: Job, company_status: CompanyStatus) -> str:
    # Published but hidden until its firm is approved: say so rather than a bare "Published".
    if job.status == JobStatus.PUBLISHED and company_status != CompanyStatus.APPROVED:
        return _(
            "%(name)s: published; it goes public once its company is approved.",
            name=bilingual(job.title, job.title_en),
        )
    return _("%(name)s: %(status)s.", name=bilingual(job.title, job.title_en), status=label(job.status))


class JobModerationController(Controller):
    path = "/staff/jobs"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_jobs", sync_to_thread=True)
    def moderation_queue(self, db_session: DbSession) -> Template:
        context = {
            "rows": JobService(db_session).moderation_queue(),
            "revisions": RevisionService(db_session).review_queue(),
            "review": REVISION_REVIEW,
            "field_labels": CHANGED_FIELD_LABELS,
        }
        return Template("jobs/moderation.html", context=context)

    @post("/{job_id:int}/{action:str}", sync_to_thread=True)
    def moderate_job(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        job_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        chosen = JOB_LIFECYCLE.action_named(action)
        try:
            job = JobService(db_session).transition(
                job_id, chosen, request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput:
            flash(request, _(REASON_NEEDED), "error")
            return Redirect("/staff/jobs")
        company = CompanyService(db_session).get(job.company_id)
        flash(request, _decided_message(job, company.status), "success")
        return Redirect("/staff/jobs")

    @post("/revisions/{revision_id:int}/{action:str}", sync_to_thread=True)
    def review_revision(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        revision_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        chosen = REVISION_REVIEW.action_named(action)
        try:
            job, revision = RevisionService(db_session).review(
                revision_id, chosen, request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput:
            flash(request, _(REASON_NEEDED), "error")
            return Redirect("/staff/jobs")
        flash(
            request,
            _(
                "%(name)s: %(status)s.",
                name=bilingual(job.title, job.title_en),
                status=label(revision.status),
            ),
            "success",
        )
        return Redirect("/staff/jobs")
