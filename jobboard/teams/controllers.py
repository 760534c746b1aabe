"""The team page, for a firm's members (``/employer/team``) and for staff (``/staff/companies/N/team``),
and the page an invitation's link opens. Who may change the team is the service's to say."""

from __future__ import annotations

from collections.abc import Callable

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template
from sqlmodel import Session

from jobboard.accounts.controllers import sign_in
from jobboard.accounts.guards import SignedInRequest, VisitorRequest, requires_employer, requires_staff
from jobboard.accounts.middleware import KnownUsers, RecentUsers
from jobboard.accounts.models import FirmRole, User
from jobboard.companies.services import CompanyService
from jobboard.core.errors import Conflict, InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.teams.invitations import TeamInvitations, may_manage
from jobboard.teams.models import JOIN_REQUEST, TEAM_INVITATION, JoinRequest
from jobboard.teams.services import TeamService
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.messages import page_error_text


def _team_page(
    session: Session, company_id: int, reader: User, base: str, form: Form | None = None, status: int = 200
) -> Template:
    company = CompanyService(session).get(company_id)
    context = {
        "company": company,
        "team": TeamService(session).team(company_id, reader),
        "base": base,
        "reader": reader,
        # Removing and handing over are the owner's, on their own firm's page; staff invite and decide.
        "owner_here": reader.company_id == company_id and may_manage(session, company_id, reader),
        "form": form or Form(),
        "roles": list(FirmRole),
        "invitation_machine": TEAM_INVITATION,
        "join_machine": JOIN_REQUEST,
    }
    return Template("teams/team.html", context=context, status_code=status)


def _invite(
    request: SignedInRequest, session: Session, company_id: int, base: str, data: FormData
) -> Template | Redirect:
    values = cleaned(data)
    # Staff choose the role; an owner invites recruiters (ownership is handed over to a member instead).
    owner_asked = request.user.is_staff and values.get("role") == FirmRole.OWNER
    role = FirmRole.OWNER if owner_asked else FirmRole.RECRUITER
    company = CompanyService(session).get(company_id)
    try:
        TeamInvitations(session).invite(company, values.get("email", ""), role, request.user)
    except InvalidInput as error:
        return _team_page(session, company_id, request.user, base, Form.failed(values, error), status=400)
    flash(request, _("The invitation was sent."), "success")
    return Redirect(base)


def _changed(
    request: SignedInRequest, base: str, change: Callable[[], object], done_at: str | None = None
) -> Redirect:
    """Back to the team page, saying what became of the change (the last owner leaving, say: refused)."""
    try:
        change()
    except Conflict as error:
        flash(request, page_error_text(error.code), "error")
        return Redirect(base)
    flash(request, _("The team was changed."), "success")
    return Redirect(done_at or base)


def _told(recent_users: RecentUsers, decided: JoinRequest) -> JoinRequest:
    """An admitted requester's next request here sees their firm (other processes within seconds)."""
    recent_users.forget(decided.user_id)
    return decided


class EmployerTeamController(Controller):
    path = "/employer/team"
    guards = [requires_employer]
    include_in_schema = False

    @get("/", name="employer_team", sync_to_thread=True)
    def team(self, request: SignedInRequest, db_session: DbSession) -> Template:
        return _team_page(db_session, request.user.firm_id, request.user, self.path)

    @post("/invitations", sync_to_thread=True)
    def invite(self, request: SignedInRequest, db_session: DbSession, data: FormData) -> Template | Redirect:
        return _invite(request, db_session, request.user.firm_id, self.path, data)

    @post("/invitations/{invitation_id:int}/{action:str}", sync_to_thread=True)
    def change_invitation(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        invitation_id: FromPath[int],
        action: FromPath[str],
    ) -> Redirect:
        chosen = TEAM_INVITATION.action_named(action)
        user = request.user
        return _changed(
            request,
            self.path,
            lambda: TeamInvitations(db_session).change(user.firm_id, invitation_id, chosen, user),
        )

    @post("/requests/{request_id:int}/{action:str}", sync_to_thread=True)
    def decide_request(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        request_id: FromPath[int],
        action: FromPath[str],
        recent_users: KnownUsers,
    ) -> Redirect:
        chosen = JOIN_REQUEST.action_named(action)
        user = request.user
        decide = TeamService(db_session).decide
        return _changed(
            request, self.path, lambda: _told(recent_users, decide(user.firm_id, request_id, chosen, user))
        )

    @post("/members/{member_id:int}/remove", sync_to_thread=True)
    def remove(self, request: SignedInRequest, db_session: DbSession, member_id: FromPath[int]) -> Redirect:
        user = request.user
        leaving = member_id == user.id  # an owner who left has no team page any more
        return _changed(
            request,
            self.path,
            lambda: TeamService(db_session).remove(user.firm_id, member_id, user),
            done_at="/" if leaving else None,
        )

    @post("/members/{member_id:int}/hand-over", sync_to_thread=True)
    def hand_over(
        self, request: SignedInRequest, db_session: DbSession, member_id: FromPath[int]
    ) -> Redirect:
        user = request.user
        return _changed(
            request, self.path, lambda: TeamService(db_session).hand_over(user.firm_id, member_id, user)
        )


class StaffTeamController(Controller):
    """Staff invite (an imported firm's owner, most often), send again, and decide requests to join."""

    path = "/staff/companies/{company_id:int}/team"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_company_team", sync_to_thread=True)
    def team(self, request: SignedInRequest, db_session: DbSession, company_id: FromPath[int]) -> Template:
        return _team_page(db_session, company_id, request.user, f"/staff/companies/{company_id}/team")

    @post("/invitations", sync_to_thread=True)
    def invite(
        self, request: SignedInRequest, db_session: DbSession, company_id: FromPath[int], data: FormData
    ) -> Template | Redirect:
        return _invite(request, db_session, company_id, f"/staff/companies/{company_id}/team", data)

    @post("/invitations/{invitation_id:int}/{action:str}", sync_to_thread=True)
    def change_invitation(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        company_id: FromPath[int],
        invitation_id: FromPath[int],
        action: FromPath[str],
    ) -> Redirect:
        chosen = TEAM_INVITATION.action_named(action)
        return _changed(
            request,
            f"/staff/companies/{company_id}/team",
            lambda: TeamInvitations(db_session).change(company_id, invitation_id, chosen, request.user),
        )

    @post("/requests/{request_id:int}/{action:str}", sync_to_thread=True)
    def decide_request(
        self,
        request: SignedInRequest,
        db_session: DbSession,
        company_id: FromPath[int],
        request_id: FromPath[int],
        action: FromPath[str],
        recent_users: KnownUsers,
    ) -> Redirect:
        chosen = JOIN_REQUEST.action_named(action)
        decide = TeamService(db_session).decide
        return _changed(
            request,
            f"/staff/companies/{company_id}/team",
            lambda: _told(recent_users, decide(company_id, request_id, chosen, request.user)),
        )


class InvitationController(Controller):
    """Public: the link's token is the only key. A bad one answers with the error page (404 or 409)."""

    path = "/invitations/accept"
    include_in_schema = False

    @get("/", name="accept_invitation", sync_to_thread=True)
    def page(self, db_session: DbSession, token: FromQuery[str] = "") -> Template:
        invitation = TeamInvitations(db_session).open(token)
        company = CompanyService(db_session).get(invitation.company_id)
        context = {"invitation": invitation, "company": company, "token": token, "form": Form()}
        return Template("teams/accept.html", context=context)

    @post("/", sync_to_thread=True)
    def accept(self, request: VisitorRequest, db_session: DbSession, data: FormData) -> Template | Redirect:
        values = cleaned(data)
        token = str(values.get("token", ""))
        service = TeamInvitations(db_session)
        try:
            if data.get("password") != data.get("password_confirm"):
                raise InvalidInput({"password_confirm": "password_mismatch"})
            # The password exactly as typed: never trimmed.
            user = service.accept(token, str(data.get("password", "")), str(values.get("full_name", "")))
        except InvalidInput as error:
            invitation = service.open(token)
            company = CompanyService(db_session).get(invitation.company_id)
            form = Form.failed({"full_name": values.get("full_name", "")}, error)
            context = {"invitation": invitation, "company": company, "token": token, "form": form}
            return Template("teams/accept.html", context=context, status_code=400)
        sign_in(request, user)
        flash(request, _("Welcome to your company's team."), "success")
        return Redirect("/employer")
