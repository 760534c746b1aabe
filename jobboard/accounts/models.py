from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from jobboard.core.columns import StrEnumType, created_at_field, enum_field, timestamp_field
from jobboard.core.errors import Forbidden
from jobboard.core.roles import FirmRole, Role

# Role and FirmRole live in core so that state machines can name who takes an action.
__all__ = ["FirmRole", "Role", "User"]


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
