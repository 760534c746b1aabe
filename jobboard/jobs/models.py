from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from pydantic import (
    ModelWrapValidatorHandler,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from jobboard.core import clock
from jobboard.core.columns import created_at_field, enum_field, timestamp_field
from jobboard.core.roles import Role
from jobboard.core.state_machine import BOARD, StateMachine
from jobboard.jobs.languages import incomplete_language, init_details, with_missing_texts


class JobType(StrEnum):
    FULL_TIME = "full_time"
    INTERNSHIP = "internship"
    CAMPUS = "campus"


class Education(StrEnum):
    """Minimum degree, in ascending order (不限/大专/本科/硕士/博士)."""

    ANY = "any"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    PHD = "phd"


class Experience(StrEnum):
    ANY = "any"
    NEW_GRADUATE = "new_graduate"
    YEARS_1_3 = "1-3"
    YEARS_3_5 = "3-5"
    YEARS_5_10 = "5-10"
    YEARS_10_PLUS = "10+"


class JobStatus(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    CLOSED = "closed"
    EXPIRED = "expired"


class JobAction(StrEnum):
    SUBMIT = "submit"  # the employer asks for review
    APPROVE = "approve"  # staff publish
    REJECT = "reject"  # staff refuse, with a reason
    REVISE = "revise"  # the employer edits a job not yet public (a published one gets a JobRevision)
    CLOSE = "close"  # the employer stops taking applications
    UNDO_CLOSE = "undo_close"  # minutes after closing a published job: public again, no new review
    EXPIRE = "expire"  # the deadline passed
    REOPEN = "reopen"  # a closed or expired job goes back to draft
    IMPORT = "import"  # staff import a firm's job table: published at once


_EMPLOYER = frozenset({Role.EMPLOYER})
_STAFF = frozenset({Role.STAFF})

JOB_LIFECYCLE: StateMachine[JobStatus, JobAction] = StateMachine(
    transitions={
        JobAction.SUBMIT: {JobStatus.DRAFT: JobStatus.PENDING, JobStatus.REJECTED: JobStatus.PENDING},
        JobAction.APPROVE: {JobStatus.PENDING: JobStatus.PUBLISHED},
        JobAction.REJECT: {JobStatus.PENDING: JobStatus.REJECTED, JobStatus.PUBLISHED: JobStatus.REJECTED},
        JobAction.REVISE: {
            JobStatus.DRAFT: JobStatus.DRAFT,
            JobStatus.PENDING: JobStatus.PENDING,
            JobStatus.REJECTED: JobStatus.REJECTED,
        },
        JobAction.CLOSE: {JobStatus.PUBLISHED: JobStatus.CLOSED, JobStatus.PENDING: JobStatus.CLOSED},
        JobAction.UNDO_CLOSE: {
            JobStatus.CLOSED: JobStatus.PUBLISHED
        },  # only in the window: Job.may_undo_close
        JobAction.EXPIRE: {JobStatus.PUBLISHED: JobStatus.EXPIRED},
        JobAction.REOPEN: {JobStatus.CLOSED: JobStatus.DRAFT, JobStatus.EXPIRED: JobStatus.DRAFT},
        JobAction.IMPORT: {state: JobStatus.PUBLISHED for state in JobStatus},
    },
    takers={
        JobAction.SUBMIT: _EMPLOYER,
        JobAction.APPROVE: _STAFF,
        JobAction.REJECT: _STAFF,
        JobAction.REVISE: _EMPLOYER,
        JobAction.CLOSE: _EMPLOYER,
        JobAction.UNDO_CLOSE: _EMPLOYER,
        JobAction.EXPIRE: BOARD,
        JobAction.REOPEN: _EMPLOYER,
        JobAction.IMPORT: _STAFF,  # from the staff pages or a command run on the server for them
    },
    edits=frozenset({JobAction.REVISE, JobAction.IMPORT}),  # with the edited posting, the imported row
)


class JobContent(SQLModel):
    """The part of a posting the fair staff review before the public reads it (a JobRevision holds it).
    Chinese, English or both: at least one language has its title and description (a foreign firm may
    post in English only)."""

    title: str = Field(default="", max_length=120)
    title_en: str = Field(default="", max_length=160)
    description: str = Field(default="", max_length=8000)
    requirements: str = Field(default="", max_length=8000)
    description_en: str = Field(default="", max_length=8000)
    requirements_en: str = Field(default="", max_length=8000)
    city: str = Field(min_length=1, max_length=40)
    job_type: JobType = enum_field(JobType.FULL_TIME)
    education: Education = enum_field(Education.ANY)
    experience: Experience = enum_field(Experience.ANY)
    majors: str = Field(default="", max_length=300)
    salary_min: int | None = Field(default=None, ge=1000, le=1_000_000)
    salary_max: int | None = Field(default=None, ge=1000, le=1_000_000)
    salary_months: int = Field(default=12, ge=12, le=24)

    @model_validator(mode="before")
    @classmethod
    def _check_salary_max_even_when_left_out(cls, data: Any) -> Any:
        # Pydantic skips validators of omitted fields; an explicit None makes the range check below run.
        if isinstance(data, dict) and "salary_max" not in data:
            return data | {"salary_max": None}
        return data

    @field_validator("salary_max")
    @classmethod
    def _salary_range_is_complete_and_ordered(
        cls, salary_max: int | None, info: ValidationInfo
    ) -> int | None:
        salary_min = info.data.get("salary_min")
        if "salary_min" in info.data and (salary_min is None) != (salary_max is None):
            raise PydanticCustomError(
                "salary_range_incomplete", "give both ends of the salary range, or neither"
            )
        if salary_min is not None and salary_max is not None and salary_min > salary_max:
            raise PydanticCustomError("salary_range_reversed", "the salary range ends below where it starts")
        return salary_max

    @model_validator(mode="wrap")
    @classmethod
    def _one_language_is_complete(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        # Wrapped, so that the missing title and description are reported with the other fields' errors.
        missing = incomplete_language(data) if isinstance(data, dict) else []
        try:
            content = handler(data)
        except ValidationError as error:
            if not missing:
                raise
            raise with_missing_texts(cls.__name__, [*map(init_details, error.errors())], missing) from None
        if missing:
            raise with_missing_texts(cls.__name__, [], missing)
        return content


class JobPosting(JobContent):
    """What an employer writes; validated from forms, imports and the API alike. The fields beyond
    JobContent need no review: on a published job they change at once."""

    headcount: int = Field(default=1, ge=1, le=10_000)
    deadline: date | None = None
    contact_email: str = Field(default="", max_length=254)


REVIEWED_FIELDS = tuple(JobContent.model_fields)
UNDO_CLOSE_WINDOW = timedelta(minutes=10)


class Job(JobPosting, table=True):
    __tablename__ = "jobs"

    id: int | None = Field(default=None, primary_key=True)
    external_id: str | None = Field(default=None, max_length=64, unique=True)
    company_id: int = Field(foreign_key="companies.id", index=True)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    requirements: str = Field(default="", sa_column=Column(Text, nullable=False))
    description_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    requirements_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: JobStatus = enum_field(JobStatus.DRAFT, index=True)
    status_reason: str = Field(default="", max_length=500)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
    published_at: datetime | None = timestamp_field(index=True)
    # Set when a published job is closed: until then the employer may undo the close.
    undo_close_until: datetime | None = timestamp_field()

    def may_undo_close(self, now: datetime | None = None) -> bool:
        return (
            self.status == JobStatus.CLOSED
            and self.undo_close_until is not None
            and (now or clock.utcnow()) <= self.undo_close_until
        )


class RevisionStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class RevisionAction(StrEnum):
    AMEND = "amend"  # the employer edits the waiting changes again
    APPROVE = "approve"  # staff: the changes go onto the live posting
    REJECT = "reject"  # staff: the live posting stays as it is, the employer is told why
    WITHDRAW = "withdraw"  # the employer edits back, or takes the job itself back to draft or review


REVISION_REVIEW: StateMachine[RevisionStatus, RevisionAction] = StateMachine(
    transitions={
        RevisionAction.AMEND: {RevisionStatus.PENDING: RevisionStatus.PENDING},
        RevisionAction.APPROVE: {RevisionStatus.PENDING: RevisionStatus.APPROVED},
        RevisionAction.REJECT: {RevisionStatus.PENDING: RevisionStatus.REJECTED},
        RevisionAction.WITHDRAW: {RevisionStatus.PENDING: RevisionStatus.WITHDRAWN},
    },
    takers={
        RevisionAction.AMEND: _EMPLOYER,
        RevisionAction.APPROVE: _STAFF,
        RevisionAction.REJECT: _STAFF,
        RevisionAction.WITHDRAW: _EMPLOYER,
    },
    edits=frozenset({RevisionAction.AMEND, RevisionAction.WITHDRAW}),  # by saving the job's form
)


class JobRevision(JobContent, table=True):
    """Changes to a published job, waiting for review beside it: the published version stays public
    (and at its address) until staff approve them."""

    __tablename__ = "job_revisions"

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="jobs.id", index=True)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    requirements: str = Field(default="", sa_column=Column(Text, nullable=False))
    description_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    requirements_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: RevisionStatus = enum_field(RevisionStatus.PENDING, index=True)
    reason: str = Field(default="", max_length=500)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
    decided_at: datetime | None = timestamp_field()

    def changed_fields(self, job: Job) -> list[str]:
        """What staff compare with the live posting: each changed field, the salary's three as one."""
        changed: list[str] = []
        for name in REVIEWED_FIELDS:
            facet = "salary" if name.startswith("salary_") else name
            if getattr(self, name) != getattr(job, name) and facet not in changed:
                changed.append(facet)
        return changed
