"""Invitations to a firm's team: a signed, single-use link by e-mail, valid for seven days.

Only the token's digest is kept. Sending again replaces the digest (the old link stops working), accepting
or revoking ends the invitation; a link that is unknown, replaced, used, revoked or out of date opens
nothing and says which of these it is (a 4xx page, never an account).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, EmailStr, Field
from sqlmodel import Session, col, select

from jobboard.accounts.models import FirmRole, Role, User
from jobboard.accounts.services import AccountService, Credentials, hash_password
from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.core.clock import utcnow
from jobboard.core.db import saved_id, unit_of_work
from jobboard.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from jobboard.core.tokens import new_token, token_digest
from jobboard.core.validation import validate
from jobboard.mail.services import queue_mail
from jobboard.teams.models import (
    INVITATION_LIFETIME,
    TEAM_INVITATION,
    FirmInvitation,
    InvitationAction,
    InvitationStatus,
)

ACCEPT_PATH = "/invitations/accept"  # the token goes in the query string, which the board never logs


class Invitee(BaseModel):
    email: EmailStr = Field(max_length=254)


def may_manage(session: Session, company_id: int, actor: User) -> bool:
    """Staff, or an owner of this firm as the database has it now (not as the few-seconds user cache
    remembers it: a removed owner or a handed-over ownership counts from the very next request)."""
    if actor.is_staff:
        return True
    current = session.get(User, actor.id)
    return (
        current is not None
        and current.is_active
        and current.company_id == company_id
        and current.firm_role == FirmRole.OWNER
    )


def check_manager(session: Session, company_id: int, actor: User) -> None:
    if not may_manage(session, company_id, actor):
        raise Forbidden()


def refusal(user: User | None, company_id: int) -> str | None:
    """Why the owner of an address, ``user`` (None: nobody), cannot join this firm, or None: it is a job
    seeker, staff, another firm's member, or already a member here. An employer account in no firm (a
    removed member, a declined request) may be invited."""
    if user is None or (user.is_employer and user.company_id is None):
        return None
    if not user.is_employer:
        return "invitee_not_employer"
    return "invitee_member" if user.company_id == company_id else "invitee_other_firm"


class TeamInvitations:
    def __init__(self, session: Session) -> None:
        self.session = session

    def pending_of(self, company_id: int) -> list[FirmInvitation]:
        query = select(FirmInvitation).where(
            FirmInvitation.company_id == company_id, FirmInvitation.status == InvitationStatus.PENDING
        )
        return list(self.session.exec(query.order_by(col(FirmInvitation.created_at).desc())))

    def invite(self, company: Company, email: str, role: FirmRole, actor: User) -> FirmInvitation:
        """An owner invites recruiters (ownership is handed over to a member); staff invite either."""
        company_id = saved_id(company.id)
        check_manager(self.session, company_id, actor)
        if role == FirmRole.OWNER and not actor.is_staff:
            raise Forbidden()
        address = validate(Invitee, {"email": email}).email.strip().lower()
        with unit_of_work(self.session):
            reason = refusal(AccountService(self.session).find_by_email(address), company_id)
            if reason is not None:
                raise InvalidInput({"email": reason})
            waiting = self.session.exec(
                select(FirmInvitation).where(
                    FirmInvitation.company_id == company_id,
                    FirmInvitation.email == address,
                    FirmInvitation.status == InvitationStatus.PENDING,
                )
            ).first()  # invited again: a fresh link for the invitation already waiting
            return self._send(company, address, role, actor.id, actor.language, waiting)

    def invite_firm_contacts(self, contacts: Sequence[tuple[Company, str]], actor_id: int | None) -> int:
        """Imported firms' contact addresses, each invited as its firm's owner once: never
        again after a first invitation (whatever became of it), never to a firm that has members or to
        an address that belongs to someone else. Joins the import's transaction; a few queries in all,
        however many firms the table names."""
        firm_ids = [saved_id(company.id) for company, _ in contacts]
        emails = [email.strip().lower() for _, email in contacts]
        invited = select(FirmInvitation.company_id).where(col(FirmInvitation.company_id).in_(firm_ids))
        staffed = select(User.company_id).where(col(User.company_id).in_(firm_ids))
        closed = set(self.session.exec(invited)) | set(self.session.exec(staffed))
        owners = {
            user.email: user for user in self.session.exec(select(User).where(col(User.email).in_(emails)))
        }
        sent = 0
        for company, email in contacts:
            address = email.strip().lower()
            if company.id in closed or refusal(owners.get(address), saved_id(company.id)) is not None:
                continue
            self._send(company, address, FirmRole.OWNER, actor_id, "zh", None)
            closed.add(company.id)  # two names in the table staff said are one firm: one invitation
            sent += 1
        return sent

    def change(
        self, company_id: int, invitation_id: int, action: InvitationAction, actor: User
    ) -> FirmInvitation:
        check_manager(self.session, company_id, actor)
        invitation = self.session.get(FirmInvitation, invitation_id)
        if invitation is None or invitation.company_id != company_id:
            raise NotFound()
        with unit_of_work(self.session):
            invitation.status = TEAM_INVITATION.target(invitation.status, action, actor.role)
            if action == InvitationAction.RESEND:
                self._mail(invitation, self.session.get(Company, company_id), actor.language)
            else:
                invitation.decided_at = utcnow()
            self._audit(invitation, action, actor.id)
        return invitation

    def open(self, token: str) -> FirmInvitation:
        """The pending invitation a link holds, or why it opens nothing."""
        invitation = self.session.exec(
            select(FirmInvitation).where(FirmInvitation.token_digest == token_digest(token))
        ).first()
        if invitation is None or invitation.status == InvitationStatus.REVOKED:
            raise NotFound("invitation_invalid")
        if invitation.status == InvitationStatus.ACCEPTED:
            raise Conflict("invitation_used")
        if invitation.has_expired:
            raise Conflict("invitation_expired")
        return invitation

    def accept(self, token: str, password: str, full_name: str) -> User:
        """The invitee's account, made or joined to the firm, with the password typed; following the
        mailed link proves the address, so it counts as verified."""
        invitation = self.open(token)
        credentials = validate(Credentials, {"email": invitation.email, "password": password})
        with unit_of_work(self.session):
            invitation.status = TEAM_INVITATION.target(invitation.status, InvitationAction.ACCEPT, None)
            invitation.decided_at = utcnow()
            accounts = AccountService(self.session)
            user = accounts.find_by_email(invitation.email)
            reason = refusal(user, invitation.company_id)
            if reason is not None:  # the address found an owner since it was invited
                raise Conflict(reason)
            if user is None:
                user = accounts.new_user(credentials, Role.EMPLOYER, full_name=full_name.strip())
            else:
                user.password_hash = hash_password(password)
                user.session_generation += 1  # a new password: sessions of the old one end
                user.full_name = full_name.strip() or user.full_name
            user.company_id = invitation.company_id
            user.firm_role = invitation.firm_role
            user.email_verified_at = user.email_verified_at or utcnow()
            self._audit(invitation, InvitationAction.ACCEPT, user.id)
        return user

    def _send(
        self,
        company: Company,
        email: str,
        role: FirmRole,
        actor_id: int | None,
        language: str,
        waiting: FirmInvitation | None,
    ) -> FirmInvitation:
        """A new invitation, or a fresh link for ``waiting``, the one already sent to this address."""
        invitation = waiting or FirmInvitation(
            company_id=saved_id(company.id), email=email, firm_role=role, token_digest="", expires_at=utcnow()
        )
        invitation.firm_role = role
        invitation.invited_by_id = actor_id
        self._mail(invitation, company, language)
        audit.record(
            self.session,
            actor_id=actor_id,
            action="team.invited",
            subject_type="company",
            subject_id=company.id,
            role=str(role),
        )
        return invitation

    def _mail(self, invitation: FirmInvitation, company: Company | None, language: str) -> None:
        """A new token (the old link, if any, stops working) and the mail that carries it."""
        token, invitation.token_digest = new_token()
        invitation.expires_at = utcnow() + INVITATION_LIFETIME
        self.session.add(invitation)
        queue_mail(
            self.session,
            to=invitation.email,
            template="team_invitation",
            kind="team_invitation",
            language=language,
            context={
                "company": company.name_zh if company else "",
                "role": str(invitation.firm_role),
                "path": f"{ACCEPT_PATH}?token={token}",
                "days": INVITATION_LIFETIME.days,
            },
        )

    def _audit(self, invitation: FirmInvitation, action: InvitationAction, actor_id: int | None) -> None:
        audit.record(
            self.session,
            actor_id=actor_id,
            action=f"team.invitation_{action}",
            subject_type="company",
            subject_id=invitation.company_id,
            role=str(invitation.firm_role),
        )
