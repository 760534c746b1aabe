"""The audit trail: who did what to which record, kept for the fair's records (and the staff audit page)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, Session, SQLModel

from jobboard.core.columns import created_at_field


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    action: str = Field(max_length=60, index=True)
    subject_type: str = Field(max_length=30)
    subject_id: int | None = None
    # Never personal data here: ids, states, counts, reasons.
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = created_at_field()


def record(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    **detail: object,
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor_id, action=action, subject_type=subject_type, subject_id=subject_id, detail=detail
    )
    session.add(event)
    return event
