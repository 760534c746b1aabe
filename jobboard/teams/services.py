"""A firm's team: its members, handing over ownership, removing a member, and requests to join.

Every change is audited; who may make it is read from the database on each call (``may_manage``), so a
removed member or a former owner loses the right from the very next request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from jobboard.accounts.models import FirmRole, User
from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import Conflict, NotFound
from jobboard.mail.services import mail_to
from jobboard.teams.invitations import TeamInvitations, check_manager, may_manage
from jobboard.teams.models import JOIN_REQUEST, FirmInvitation, JoinAction, JoinRequest, JoinStatus


@dataclass(frozen=True)
class Team:
    """What the team page shows: the members (owners first), invitations and requests waiting."""

    members: Sequence[User]
    invitations: Sequence[FirmInvitation]
    requests: Sequence[tuple[JoinRequest, User]]
    manageable: bool  # the reader may invite, decide requests (and, if a member, remove or hand over)


class TeamService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def members(self, company_id: int) -> list[User]:
        query = select(User).where(User.company_id == company_id, col(User.is_active))
        owners_first = col(User.firm_role) != FirmRole.OWNER
        return list(self.session.exec(query.order_by(owners_first, col(User.id))))

    def team(self, company_id: int, reader: User) -> Team:
        return Team(
            members=self.members(company_id),
            invitations=TeamInvitations(self.session).pending_of(company_id),
            requests=self.pending_requests(company_id),
            manageable=may_manage(self.session, company_id, reader),
        )

    def remove(self, company_id: int, member_id: int, actor: User) -> User:
        """The member leaves the firm (the account stays, in no firm) and is signed out everywhere; the
        last owner cannot leave the firm without one."""
        check_manager(self.session, company_id, actor)
        member = self._member(company_id, member_id)
        with unit_of_work(self.session):
            if member.firm_role == FirmRole.OWNER and len(self._owners(company_id)) == 1:
                raise Conflict("last_owner")
            role = member.firm_role
            member.company_id = None
            member.firm_role = None
            member.session_generation += 1
            self._audit("team.member_removed", company_id, actor, member, role=str(role))
        return member

    def hand_over(self, company_id: int, member_id: int, actor: User) -> User:
        """A recruiter becomes the firm's owner; the owner (or owners) before become recruiters."""
        check_manager(self.session, company_id, actor)
        member = self._member(company_id, member_id)
        if member.firm_role == FirmRole.OWNER:
            raise Conflict("already_owner")
        with unit_of_work(self.session):
            for owner in self._owners(company_id):
                owner.firm_role = FirmRole.RECRUITER
            member.firm_role = FirmRole.OWNER
            self._audit("team.ownership_handed_over", company_id, actor, member)
        return member

    def request_to_join(self, company: Company, user: User) -> JoinRequest:
        """Joins the caller's unit of work: the new account and its request are one registration."""
        request = JoinRequest(company_id=company.id or 0, user_id=user.id or 0)
        self.session.add(request)
        self.session.flush()
        for owner in self._owners(request.company_id):
            mail_to(
                self.session,
                owner,
                template="join_request",
                kind="join_request",
                context={"company": company.name_zh, "name": user.full_name, "email": user.email},
            )
        self._audit("team.join_requested", request.company_id, user, user)
        return request

    def pending_requests(self, company_id: int) -> list[tuple[JoinRequest, User]]:
        query = (
            select(JoinRequest, User)
            .join(User, col(User.id) == JoinRequest.user_id)
            .where(JoinRequest.company_id == company_id, JoinRequest.status == JoinStatus.PENDING)
        )
        return [(request, user) for request, user in self.session.exec(query.order_by(col(JoinRequest.id)))]

    def decide(self, company_id: int, request_id: int, action: JoinAction, actor: User) -> JoinRequest:
        """Admitted: the requester joins as a recruiter (if still in no firm); either way they are told."""
        check_manager(self.session, company_id, actor)
        request = self.session.get(JoinRequest, request_id)
        if request is None or request.company_id != company_id:
            raise NotFound()
        requester = self.session.get(User, request.user_id)
        company = self.session.get(Company, company_id)
        if requester is None or company is None:
            raise NotFound()
        with unit_of_work(self.session):
            request.status = JOIN_REQUEST.target(request.status, action, actor.role)
            request.decided_by_id = actor.id
            request.decided_at = utcnow()
            if action == JoinAction.ADMIT:
                if requester.company_id is not None:
                    raise Conflict("invitee_other_firm")
                requester.company_id = company_id
                requester.firm_role = FirmRole.RECRUITER
            mail_to(
                self.session,
                requester,
                template="join_decided",
                kind="join_decided",
                context={"company": company.name_zh, "admitted": action == JoinAction.ADMIT},
            )
            self._audit(f"team.join_{action}", company_id, actor, requester)
        return request

    def pending_request_counts(self, company_ids: Sequence[int]) -> dict[int, int]:
        """For the staff's list of firms: how many requests to join each one waits on."""
        query = select(JoinRequest.company_id).where(
            col(JoinRequest.company_id).in_(company_ids), JoinRequest.status == JoinStatus.PENDING
        )
        counts: dict[int, int] = {}
        for company_id in self.session.exec(query):
            counts[company_id] = counts.get(company_id, 0) + 1
        return counts

    def _owners(self, company_id: int) -> list[User]:
        return [member for member in self.members(company_id) if member.firm_role == FirmRole.OWNER]

    def _member(self, company_id: int, user_id: int) -> User:
        member = self.session.get(User, user_id)
        if member is None or member.company_id != company_id:
            raise NotFound()
        return member

    def _audit(self, action: str, company_id: int, actor: User, member: User, **detail: object) -> None:
        audit.record(
            self.session,
            actor_id=actor.id,
            action=action,
            subject_type="company",
            subject_id=company_id,
            member_id=member.id,
            **detail,
        )
