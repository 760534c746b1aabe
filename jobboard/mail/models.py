"""The mail outbox: one row per mail, written in the same transaction as the change that causes it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

from jobboard.core.columns import created_at_field, enum_field, timestamp_field
from jobboard.core.roles import Role
from jobboard.core.state_machine import BOARD, StateMachine


class MailStatus(StrEnum):
    QUEUED = "queued"  # waiting for the sender (or for its next attempt)
    SENDING = "sending"  # claimed by a sender until ``claimed_until``; after that, anyone's again
    SENT = "sent"
    FAILED = "failed"  # refused for good, or out of attempts: staff see it and may retry
    KEPT = "kept"  # no SMTP configured (the embedded default): kept for staff to read


class MailAction(StrEnum):
    CLAIM = "claim"
    DELIVER = "deliver"
    DEFER = "defer"  # a temporary failure: back to the queue, later
    FAIL = "fail"
    KEEP = "keep"
    RETRY = "retry"  # staff send a failed (or kept) mail again


MAIL_DELIVERY: StateMachine[MailStatus, MailAction] = StateMachine(
    transitions={
        # A claim whose lease ran out is taken again: the sender that held it died mid-batch.
        MailAction.CLAIM: {MailStatus.QUEUED: MailStatus.SENDING, MailStatus.SENDING: MailStatus.SENDING},
        MailAction.DELIVER: {MailStatus.SENDING: MailStatus.SENT},
        MailAction.DEFER: {MailStatus.SENDING: MailStatus.QUEUED},
        MailAction.FAIL: {MailStatus.SENDING: MailStatus.FAILED},
        MailAction.KEEP: {MailStatus.SENDING: MailStatus.KEPT, MailStatus.QUEUED: MailStatus.KEPT},
        MailAction.RETRY: {MailStatus.FAILED: MailStatus.QUEUED, MailStatus.KEPT: MailStatus.QUEUED},
    },
    takers={
        MailAction.CLAIM: BOARD,
        MailAction.DELIVER: BOARD,
        MailAction.DEFER: BOARD,
        MailAction.FAIL: BOARD,
        MailAction.KEEP: BOARD,
        MailAction.RETRY: frozenset({Role.STAFF}),
    },
)


class OutgoingMail(SQLModel, table=True):
    """A mail to one person. It is rendered when sent (``template`` with ``context``, in ``language``),
    so the row holds what the mail says, never a second copy of it that could drift."""

    __tablename__ = "mail_outbox"

    id: int | None = Field(default=None, primary_key=True)
    recipient: str = Field(max_length=254)
    user_id: int | None = Field(default=None, index=True)  # no foreign key: an erased account keeps no mail
    language: str = Field(default="zh", max_length=5)
    kind: str = Field(max_length=40, index=True)  # what it is about; people choose which kinds they get
    template: str = Field(max_length=80)  # templates/mail/<template>.txt
    context: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: MailStatus = enum_field(MailStatus.QUEUED, index=True)
    attempts: int = 0
    next_attempt_at: datetime = created_at_field()
    claimed_until: datetime | None = timestamp_field()
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = created_at_field()
    sent_at: datetime | None = timestamp_field()
