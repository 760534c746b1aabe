"""Job moderation by fair staff: the postings waiting for review, published or sent back with a reason."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_staff
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.jobs.models import JOB_LIFECYCLE
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import FormData, cleaned


class JobModerationController(Controller):
    path = "/staff/jobs"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_jobs", sync_to_thread=True)
    def moderation_queue(self, db_session: DbSession) -> Template:
        return Template("jobs/moderation.html", context={"rows": JobService(db_session).moderation_queue()})

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
            flash(request, _("Please give a reason; the employer will see it."), "error")
            return Redirect("/staff/jobs")
        flash(request, _("%(name)s: %(status)s.", name=job.title, status=label(job.status)), "success")
        return Redirect("/staff/jobs")
