"""The inbox (one row per thing a person hears of) and each person's mail choices and digest stamp."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from jobboard.core.columns import created_at_field, enum_field, timestamp_field


class NotificationKind(StrEnum):
    APPLICATION_STEP = "application_step"  # to the candidate: the firm moved their application
    NEW_APPLICANT = "new_applicant"  # to each member of the hiring firm
    FIRM_WAITING = "firm_waiting"  # to staff: a firm awaits approval
    JOB_WAITING = "job_waiting"  # to staff: a job awaits moderation
    REVISION_WAITING = "revision_waiting"  # to staff: a published job's edit awaits review


class MailKind(StrEnum):
    """The kinds of mail a person may stop (``OutgoingMail.kind``); sign-in links are never among them."""

    APPLICATION_UPDATE = "application_update"
    APPLICANT_DIGEST = "applicant_digest"
    REVIEW_DIGEST = "review_digest"


# Heard of in a digest, at most one mail per interval; the candidate's news is mailed at once.
DIGEST_MAIL: dict[NotificationKind, MailKind] = {
    NotificationKind.NEW_APPLICANT: MailKind.APPLICANT_DIGEST,
    NotificationKind.FIRM_WAITING: MailKind.REVIEW_DIGEST,
    NotificationKind.JOB_WAITING: MailKind.REVIEW_DIGEST,
    NotificationKind.REVISION_WAITING: MailKind.REVIEW_DIGEST,
}


class Notification(SQLModel, table=True):
    """``params`` are the values of its sentence, worded when shown, in the reader's language."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_unread", "recipient_id", "read_at"),)

    id: int | None = Field(default=None, primary_key=True)
    recipient_id: int = Field(foreign_key="users.id")
    kind: NotificationKind = enum_field(NotificationKind.APPLICATION_STEP)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    link: str = Field(default="", max_length=200)
    created_at: datetime = created_at_field()
    read_at: datetime | None = timestamp_field()
    # Set for digest kinds until a digest has taken it (or its recipient stopped that mail).
    awaiting_digest: bool = Field(default=False, index=True)


class NotificationSettings(SQLModel, table=True):
    """One row per person who chose something or got a digest; none means every mail, no digest yet."""

    __tablename__ = "notification_settings"

    user_id: int = Field(foreign_key="users.id", primary_key=True)
    mail_off: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # When the last digest was claimed: the next one is due an interval later.
    digest_sent_at: datetime | None = timestamp_field()


class MailStopToken(SQLModel, table=True):
    """The one-click link in a mail that stops its kind: only the token's digest is kept."""

    __tablename__ = "mail_stop_tokens"

    digest: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="users.id", index=True)
    kind: MailKind = enum_field(MailKind.APPLICATION_UPDATE)
    created_at: datetime = created_at_field()
