from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from jobboard.core.columns import created_at_field, enum_field
from jobboard.core.errors import Forbidden
from jobboard.core.roles import Role

__all__ = ["Role", "User"]  # Role lives in core so that state machines can name who takes an action


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    role: Role = enum_field(Role.SEEKER)
    full_name: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    company_id: int | None = Field(default=None, foreign_key="companies.id", index=True)
    is_active: bool = True
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
    def firm_id(self) -> int:
        """The firm an employer account works for (``requires_employer`` lets no one else through)."""
        if self.company_id is None:
            raise Forbidden("no_employer_company")
        return self.company_id
