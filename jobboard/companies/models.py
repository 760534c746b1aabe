from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Field, SQLModel

from jobboard.companies.credit_codes import is_valid_credit_code, normalised_credit_code
from jobboard.companies.websites import NotAWebAddress, normalised_website, website_link
from jobboard.core.columns import created_at_field, enum_field, timestamp_field
from jobboard.core.roles import Role
from jobboard.core.state_machine import StateMachine


class Segment(StrEnum):
    """The fair's five segments (芯光星车网) and everything else (institutes, services)."""

    CHIPS = "chips"
    OPTICS = "optics"
    SATELLITES = "satellites"
    AUTOMOTIVE = "automotive"
    NETWORKS = "networks"
    OTHER = "other"


class CompanyStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class CompanyAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    RESUBMIT = "resubmit"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"


COMPANY_LIFECYCLE: StateMachine[CompanyStatus, CompanyAction] = StateMachine(
    transitions={
        CompanyAction.APPROVE: {CompanyStatus.PENDING: CompanyStatus.APPROVED},
        CompanyAction.REJECT: {CompanyStatus.PENDING: CompanyStatus.REJECTED},
        CompanyAction.RESUBMIT: {CompanyStatus.REJECTED: CompanyStatus.PENDING},
        CompanyAction.SUSPEND: {CompanyStatus.APPROVED: CompanyStatus.SUSPENDED},
        CompanyAction.REINSTATE: {CompanyStatus.SUSPENDED: CompanyStatus.APPROVED},
    },
    takers={
        CompanyAction.APPROVE: frozenset({Role.STAFF}),
        CompanyAction.REJECT: frozenset({Role.STAFF}),
        CompanyAction.RESUBMIT: frozenset({Role.EMPLOYER}),
        CompanyAction.SUSPEND: frozenset({Role.STAFF}),
        CompanyAction.REINSTATE: frozenset({Role.STAFF}),
    },
    edits=frozenset({CompanyAction.RESUBMIT}),  # a rejected firm goes back to review by amending its profile
)


class CompanyIdentity(SQLModel):
    """Who a firm is at the fair: what applicants consent to and visitors find at the booth. An approved
    firm's change of these waits for review (``identity.py``); the rest of its profile goes live at once."""

    name_zh: str = Field(min_length=1, max_length=120)
    name_en: str = Field(default="", max_length=160)
    hall: str = Field(default="", max_length=20)
    booth: str = Field(default="", max_length=20)
    # 统一社会信用代码: firms registered abroad have none.
    credit_code: str | None = Field(default=None, max_length=18)

    @field_validator("credit_code", mode="before")
    @classmethod
    def _credit_code(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        code = normalised_credit_code(value)
        if not code:
            return None
        if not is_valid_credit_code(code):
            raise PydanticCustomError("credit_code_invalid", "not a valid unified social credit code")
        return code


IDENTITY_FIELDS = tuple(CompanyIdentity.model_fields)


class CompanyProfile(CompanyIdentity):
    """The fields a firm fills in; shared by the table and the forms."""

    segment: Segment = enum_field(Segment.OTHER)
    city: str = Field(default="长春", max_length=40)
    website: str = Field(default="", max_length=200)
    description_zh: str = Field(default="", max_length=4000)
    description_en: str = Field(default="", max_length=6000)

    @field_validator("website", mode="before")
    @classmethod
    def _website(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return normalised_website(value)
        except NotAWebAddress:
            raise PydanticCustomError("website_scheme", "not a web address") from None
        except ValueError:
            raise PydanticCustomError("website_invalid", "not a valid web address") from None


class Company(CompanyProfile, table=True):
    __tablename__ = "companies"

    id: int | None = Field(default=None, primary_key=True)
    name_zh: str = Field(max_length=120, unique=True, index=True)
    credit_code: str | None = Field(default=None, max_length=18, unique=True)
    status: CompanyStatus = enum_field(CompanyStatus.PENDING, index=True)
    status_reason: str = Field(default="", max_length=500)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()

    @property
    def is_approved(self) -> bool:
        return self.status == CompanyStatus.APPROVED

    @property
    def website_link(self) -> str:
        """The website as pages link it; ``""`` for none or for anything but a web address."""
        return website_link(self.website)


class IdentityStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class IdentityAction(StrEnum):
    AMEND = "amend"  # the employer edits the waiting change again
    APPROVE = "approve"  # staff: the new identity goes onto the firm
    REJECT = "reject"  # staff: the firm stays as it was, the employer is told why
    WITHDRAW = "withdraw"  # the employer edits back to the approved identity


_EMPLOYER = frozenset({Role.EMPLOYER})
_STAFF = frozenset({Role.STAFF})

IDENTITY_REVIEW: StateMachine[IdentityStatus, IdentityAction] = StateMachine(
    transitions={
        IdentityAction.AMEND: {IdentityStatus.PENDING: IdentityStatus.PENDING},
        IdentityAction.APPROVE: {IdentityStatus.PENDING: IdentityStatus.APPROVED},
        IdentityAction.REJECT: {IdentityStatus.PENDING: IdentityStatus.REJECTED},
        IdentityAction.WITHDRAW: {IdentityStatus.PENDING: IdentityStatus.WITHDRAWN},
    },
    takers={
        IdentityAction.AMEND: _EMPLOYER,
        IdentityAction.APPROVE: _STAFF,
        IdentityAction.REJECT: _STAFF,
        IdentityAction.WITHDRAW: _EMPLOYER,
    },
    edits=frozenset({IdentityAction.AMEND, IdentityAction.WITHDRAW}),  # by saving the profile form
)


class CompanyIdentityChange(CompanyIdentity, table=True):
    """A new identity an approved firm asked for, waiting beside it: the approved one stays public (and
    named in every consent) until staff approve the change."""

    __tablename__ = "company_identity_changes"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="companies.id", index=True)
    status: IdentityStatus = enum_field(IdentityStatus.PENDING, index=True)
    reason: str = Field(default="", max_length=500)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
    decided_at: datetime | None = timestamp_field()

    def changed_fields(self, company: Company) -> list[str]:
        return [name for name in IDENTITY_FIELDS if getattr(self, name) != getattr(company, name)]


def booth_key(booth: str) -> str:
    """Booth numbers compare without case or surrounding spaces: b2-016 is B2-016."""
    return booth.strip().upper()
