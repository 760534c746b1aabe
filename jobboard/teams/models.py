"""A firm's invitations (a link by e-mail that makes its holder a member) and requests to join it."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Field, SQLModel

from jobboard.core.clock import utcnow
from jobboard.core.columns import StrEnumType, UTCDateTime, created_at_field, enum_field, timestamp_field
from jobboard.core.roles import FirmRole, Role
from jobboard.core.state_machine import BOARD, StateMachine

INVITATION_LIFETIME = timedelta(days=7)

_MANAGERS = frozenset({Role.EMPLOYER, Role.STAFF})  # the firm's owner (checked by the service) or staff


class InvitationStatus(StrEnum):
    PENDING = "pending"  # sent; its link works until ``expires_at``
    ACCEPTED = "accepted"
    REVOKED = "revoked"


class InvitationAction(StrEnum):
    ACCEPT = "accept"  # by whoever holds the link: no signed-in person, the board checks the token
    RESEND = "resend"  # a new link; the old one stops working
    REVOKE = "revoke"


TEAM_INVITATION: StateMachine[InvitationStatus, InvitationAction] = StateMachine(
    transitions={
        InvitationAction.ACCEPT: {InvitationStatus.PENDING: InvitationStatus.ACCEPTED},
        InvitationAction.RESEND: {InvitationStatus.PENDING: InvitationStatus.PENDING},
        InvitationAction.REVOKE: {InvitationStatus.PENDING: InvitationStatus.REVOKED},
    },
    takers={
        InvitationAction.ACCEPT: BOARD,
        InvitationAction.RESEND: _MANAGERS,
        InvitationAction.REVOKE: _MANAGERS,
    },
)


class FirmInvitation(SQLModel, table=True):
    __tablename__ = "firm_invitations"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="companies.id", index=True)
    email: str = Field(max_length=254, index=True)
    firm_role: FirmRole = Field(sa_type=StrEnumType(FirmRole), nullable=False)
    # Only the SHA-256 of the link's token (jobboard.core.tokens); a new one on every resend.
    token_digest: str = Field(max_length=64, unique=True)
    status: InvitationStatus = enum_field(InvitationStatus.PENDING, index=True)
    invited_by_id: int | None = Field(default=None, foreign_key="users.id")
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    created_at: datetime = created_at_field()
    decided_at: datetime | None = timestamp_field()

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= utcnow()


class JoinStatus(StrEnum):
    PENDING = "pending"
    ADMITTED = "admitted"
    DECLINED = "declined"


class JoinAction(StrEnum):
    ADMIT = "admit"
    DECLINE = "decline"


JOIN_REQUEST: StateMachine[JoinStatus, JoinAction] = StateMachine(
    transitions={
        JoinAction.ADMIT: {JoinStatus.PENDING: JoinStatus.ADMITTED},
        JoinAction.DECLINE: {JoinStatus.PENDING: JoinStatus.DECLINED},
    },
    takers={JoinAction.ADMIT: _MANAGERS, JoinAction.DECLINE: _MANAGERS},
)


class JoinRequest(SQLModel, table=True):
    """Someone registered an employer account for a firm the board already has: no second firm, but this,
    for the firm's owner or staff to admit (the account joins as a recruiter) or decline."""

    __tablename__ = "firm_join_requests"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="companies.id", index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    status: JoinStatus = enum_field(JoinStatus.PENDING, index=True)
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()
    decided_at: datetime | None = timestamp_field()
