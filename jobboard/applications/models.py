from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from jobboard.core.columns import StrEnumType, created_at_field, enum_field, timestamp_field
from jobboard.core.roles import Role
from jobboard.core.state_machine import StateMachine


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    VIEWED = "viewed"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ApplicationAction(StrEnum):
    VIEW = "view"
    INVITE = "invite"  # to an interview
    OFFER = "offer"
    HIRE = "hire"
    REJECT = "reject"
    WITHDRAW = "withdraw"  # by the job seeker
    UNDO_DECLINE = "undo_decline"  # within DECLINE_UNDO_WINDOW of the decline


_OPEN = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.VIEWED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
)

_HIRING_FIRM = frozenset({Role.EMPLOYER})
# A decline is one tap on a phone: the firm may take it back this long afterwards (the service checks).
DECLINE_UNDO_WINDOW = timedelta(minutes=10)

APPLICATION_PIPELINE: StateMachine[ApplicationStatus, ApplicationAction] = StateMachine(
    transitions={
        ApplicationAction.VIEW: {ApplicationStatus.SUBMITTED: ApplicationStatus.VIEWED},
        ApplicationAction.INVITE: {
            ApplicationStatus.SUBMITTED: ApplicationStatus.INTERVIEW,
            ApplicationStatus.VIEWED: ApplicationStatus.INTERVIEW,
        },
        ApplicationAction.OFFER: {ApplicationStatus.INTERVIEW: ApplicationStatus.OFFER},
        ApplicationAction.HIRE: {ApplicationStatus.OFFER: ApplicationStatus.HIRED},
        ApplicationAction.REJECT: dict.fromkeys(_OPEN, ApplicationStatus.REJECTED),
        ApplicationAction.WITHDRAW: dict.fromkeys(_OPEN, ApplicationStatus.WITHDRAWN),
        # Back to the step the decline was taken at (``declined_from``); the table names VIEWED, the step
        # of an opened application, where a decline is offered.
        ApplicationAction.UNDO_DECLINE: {ApplicationStatus.REJECTED: ApplicationStatus.VIEWED},
    },
    takers={
        ApplicationAction.VIEW: _HIRING_FIRM,
        ApplicationAction.INVITE: _HIRING_FIRM,
        ApplicationAction.OFFER: _HIRING_FIRM,
        ApplicationAction.HIRE: _HIRING_FIRM,
        ApplicationAction.REJECT: _HIRING_FIRM,
        ApplicationAction.WITHDRAW: frozenset({Role.SEEKER}),
        ApplicationAction.UNDO_DECLINE: _HIRING_FIRM,
    },
)


class Application(SQLModel, table=True):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("job_id", "seeker_id", name="uq_application_job_seeker"),)

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="jobs.id", index=True)
    seeker_id: int = Field(foreign_key="users.id", index=True)
    status: ApplicationStatus = enum_field(ApplicationStatus.SUBMITTED, index=True)
    # What was provided to the employer, as it was when the person applied.
    applicant_name: str = Field(max_length=100)
    applicant_email: str = Field(max_length=254)
    applicant_phone: str = Field(default="", max_length=30)
    cover_letter: str = Field(default="", sa_column=Column(Text, nullable=False))
    resume_key: str = Field(max_length=80, unique=True)
    resume_filename: str = Field(max_length=200)
    resume_size: int
    # PIPL Art. 23/39: the separate consent names the firm that receives the resume.
    consent_recipient: str = Field(max_length=300)
    consented_at: datetime = created_at_field()
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
    # The last decline, kept so that it can be undone within DECLINE_UNDO_WINDOW.
    declined_at: datetime | None = timestamp_field()
    declined_from: ApplicationStatus | None = Field(
        default=None, sa_type=StrEnumType(ApplicationStatus), nullable=True
    )

    @property
    def has_resume(self) -> bool:
        """False once withdrawn: the file is deleted then (its size is set to 0)."""
        return self.resume_size > 0


# The applications a firm sees, counts and exports: a withdrawn one leaves the firm entirely.
SEEN_BY_FIRM = col(Application.status) != ApplicationStatus.WITHDRAWN
