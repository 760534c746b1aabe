from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from jobboard.core.columns import (
    StrEnumType,
    UTCDateTime,
    created_at_field,
    enum_field,
    timestamp_field,
)
from jobboard.core.errors import Forbidden
from jobboard.core.roles import FirmRole, Role

# Role and FirmRole live in core so that state machines can name who takes an action.
__all__ = ["AccountLink", "FirmRole", "LinkPurpose", "Role", "User"]


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    role: Role = enum_field(Role.SEEKER)
    full_name: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    company_id: int | None = Field(default=None, foreign_key="companies.id", index=True)
    firm_role: FirmRole | None = Field(default=None, sa_type=StrEnumType(FirmRole), nullable=True)
    is_active: bool = True
    language: str = Field(default="zh", max_length=5)  # the language mails to this person are written in
    email_verified_at: datetime | None = timestamp_field()
    # Raised by a password change or reset: every session signed in before it ends.
    session_generation: int = 0
    created_at: datetime = created_at_field()

    @property
    def is_staff(self) -> bool:
        return self.role == Role.STAFF

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_seeker(self) -> bool:
        return self.role == Role.SEEKER

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_firm_owner(self) -> bool:
        return self.company_id is not None and self.firm_role == FirmRole.OWNER

    @property
    def firm_id(self) -> int:
        """The firm an employer account works for (``requires_employer`` lets no one else through)."""
        if self.company_id is None:
            raise Forbidden("no_employer_company")
        return self.company_id


class LinkPurpose(StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"


class AccountLink(SQLModel, table=True):
    """A link mailed to an account's owner: the link holds the token, this row only its digest. Used once;
    void as well once the account's password changes (its generation moves on)."""

    __tablename__ = "account_links"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    purpose: LinkPurpose = Field(sa_type=StrEnumType(LinkPurpose), nullable=False)
    token_digest: str = Field(max_length=64, unique=True, index=True)
    next_path: str = Field(default="", max_length=500)  # where the person goes on (the apply form)
    session_generation: int = 0  # the account's at issue
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    used_at: datetime | None = timestamp_field()
