"""Fair staff pages: the fair at a glance, company approval, job moderation."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.params import FromPath, FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import requires_staff
from jobboard.companies.models import COMPANY_LIFECYCLE, CompanyAction, CompanyStatus
from jobboard.companies.services import CompanyService
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.jobs.models import JobAction
from jobboard.jobs.services import STAFF_ACTIONS, JobService
from jobboard.staff.dashboard import overview_charts
from jobboard.staff.services import fair_overview
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import FormData, cleaned


def _enum_value(enum: type, value: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise InvalidInput({"action": "enum"}) from None


class StaffController(Controller):
    path = "/staff"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_home", sync_to_thread=True)
    def overview(self, db_session: DbSession) -> Template:
        overview = fair_overview(db_session)
        return Template(
            "staff/overview.html", context={"overview": overview, "charts": overview_charts(overview)}
        )

    @get("/companies", name="staff_companies", sync_to_thread=True)
    def companies(
        self, db_session: DbSession, status: FromQuery[CompanyStatus] = CompanyStatus.PENDING
    ) -> Template:
        companies = CompanyService(db_session).list_by_status(status)
        return Template(
            "staff/companies.html",
            context={
                "companies": companies,
                "status": status,
                "statuses": list(CompanyStatus),
                "lifecycle": COMPANY_LIFECYCLE,
            },
        )

    @post("/companies/{company_id:int}/{action:str}", sync_to_thread=True)
    def change_company(
        self,
        request: Request[Any, Any, Any],
        db_session: DbSession,
        company_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        service = CompanyService(db_session)
        company = service.get(company_id)
        previous = company.status
        try:
            service.transition(
                company, _enum_value(CompanyAction, action), request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput:
            db_session.rollback()
            flash(request, _("Please give a reason; the employer will see it."), "error")
            return Redirect(f"/staff/companies?status={previous}")
        flash(
            request, _("%(name)s: %(status)s.", name=company.name_zh, status=label(company.status)), "success"
        )
        return Redirect(f"/staff/companies?status={previous}")

    @get("/jobs", name="staff_jobs", sync_to_thread=True)
    def moderation_queue(self, db_session: DbSession) -> Template:
        return Template("staff/jobs.html", context={"rows": JobService(db_session).moderation_queue()})

    @post("/jobs/{job_id:int}/{action:str}", sync_to_thread=True)
    def moderate_job(
        self,
        request: Request[Any, Any, Any],
        db_session: DbSession,
        job_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        chosen = _enum_value(JobAction, action)
        if chosen not in STAFF_ACTIONS:
            raise InvalidInput({"action": "enum"})
        try:
            job = JobService(db_session).staff_transition(
                job_id, chosen, request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput:
            db_session.rollback()
            flash(request, _("Please give a reason; the employer will see it."), "error")
            return Redirect("/staff/jobs")
        flash(request, _("%(name)s: %(status)s.", name=job.title, status=label(job.status)), "success")
        return Redirect("/staff/jobs")
