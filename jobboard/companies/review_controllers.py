"""Company review by fair staff: the firms in each state, and approving, rejecting or suspending them."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_staff
from jobboard.companies.identity import IdentityChanges
from jobboard.companies.labels import IDENTITY_FIELD_LABELS
from jobboard.companies.models import COMPANY_LIFECYCLE, IDENTITY_REVIEW, CompanyStatus
from jobboard.companies.services import CompanyService
from jobboard.core.errors import Conflict, InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.labels import label
from jobboard.teams.services import TeamService
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import FormData, cleaned


class CompanyReviewController(Controller):
    path = "/staff/companies"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_companies", sync_to_thread=True)
    def companies(
        self, db_session: DbSession, status: FromQuery[CompanyStatus] = CompanyStatus.PENDING
    ) -> Template:
        service = CompanyService(db_session)
        companies = service.list_by_status(status)
        company_ids = [company.id for company in companies if company.id is not None]
        return Template(
            "companies/review.html",
            context={
                "companies": companies,
                "members": service.members(company_ids),
                "join_requests": TeamService(db_session).pending_request_counts(company_ids),
                "status": status,
                "statuses": list(CompanyStatus),
                "lifecycle": COMPANY_LIFECYCLE,
                "identity_changes": IdentityChanges(db_session).review_queue(),
                "identity_review": IDENTITY_REVIEW,
                "identity_labels": IDENTITY_FIELD_LABELS,
            },
        )

    @post("/identity/{change_id:int}/{action:str}", sync_to_thread=True)
    def decide_identity(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        change_id: FromPath[int],
        action: FromPath[str],
        data: FormData,
    ) -> Redirect:
        """A firm's new names, credit code or booth: approved onto the firm, or refused with a reason."""
        chosen = IDENTITY_REVIEW.action_named(action)
        try:
            company, change = CompanyService(db_session).review_identity(
                change_id, chosen, request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput as error:
            if "reason" in error.errors:
                flash(request, _("Please give a reason; the employer will see it."), "error")
            else:  # taken since it was proposed: the firm keeps its identity; staff may refuse the change
                text = _("The change was not approved: its name or credit code belongs to another company.")
                flash(request, text, "error")
            return Redirect("/staff/companies?status=approved")
        except Conflict as taken:
            text = _(
                "The change was not approved: booth %(booth)s is already held by %(holder)s.",
                booth=taken.params["booth"],
                holder=taken.params["holder"],
            )
            flash(request, text, "error")
            return Redirect("/staff/companies?status=approved")
        flash(
            request, _("%(name)s: %(status)s.", name=company.name_zh, status=label(change.status)), "success"
        )
        return Redirect("/staff/companies?status=approved")

    @post("/{company_id:int}/{action:str}", sync_to_thread=True)
    def change_company(
        self,
        request: SignedInRequest,
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
                company, COMPANY_LIFECYCLE.action_named(action), request.user, cleaned(data).get("reason", "")
            )
        except InvalidInput:
            flash(request, _("Please give a reason; the employer will see it."), "error")
            return Redirect(f"/staff/companies?status={previous}")
        except Conflict as taken:  # booth_taken: staff are told which firm holds the booth
            text = _(
                "%(name)s was not approved: booth %(booth)s is already held by %(holder)s.",
                name=company.name_zh,
                booth=taken.params["booth"],
                holder=taken.params["holder"],
            )
            flash(request, text, "error")
            return Redirect(f"/staff/companies?status={previous}")
        flash(
            request, _("%(name)s: %(status)s.", name=company.name_zh, status=label(company.status)), "success"
        )
        return Redirect(f"/staff/companies?status={previous}")
