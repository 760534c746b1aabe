"""The audit trail written and read.

``record`` adds an event to the caller's transaction, so it is kept exactly when the change is; the staff
page reads the trail newest first, a page at a time, filtered by action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.audit.models import AuditEvent
from jobboard.core.i18n import N_
from jobboard.core.paging import page_window

PAGE_SIZE = 50

# The kinds of events staff look for: exact action names, or prefixes ending in "*" ("staff.*" is every
# change to a staff account, "applicants.export*" every kind of applicant export, whatever its name).
KINDS: dict[str, tuple[str, ...]] = {
    "approvals": ("company.approve", "company.reinstate", "job.approve"),
    "rejections": ("company.reject", "company.suspend", "job.reject"),
    "imports": ("jobs.imported", "company.imported"),
    "exports": ("applicants.export*", "resumes.export*", "resume.download*"),
    "staff": ("staff.*",),
}
KIND_LABELS: dict[str, str] = {
    "approvals": N_("Approvals"),
    "rejections": N_("Rejections and suspensions"),
    "imports": N_("Imports"),
    "exports": N_("Exports and resume downloads"),
    "staff": N_("Staff accounts"),
}


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


@dataclass(frozen=True)
class AuditPage:
    events: Sequence[tuple[AuditEvent, str | None]]  # each event with its actor's e-mail (None: the system)
    total: int
    page: int
    pages: int
    action: str


def _condition(action: str) -> Any:
    if action not in KINDS:
        return col(AuditEvent.action) == action
    return or_(
        *(
            col(AuditEvent.action).startswith(name[:-1], autoescape=True)
            if name.endswith("*")
            else col(AuditEvent.action) == name
            for name in KINDS[action]
        )
    )


def audit_page(session: Session, action: str = "", page: int = 1, page_size: int = PAGE_SIZE) -> AuditPage:
    """``action`` is empty (everything), a kind from :data:`KINDS`, or one exact action name."""
    count = select(func.count(col(AuditEvent.id)))
    query = select(AuditEvent, User.email).outerjoin(User, col(User.id) == col(AuditEvent.actor_id))
    if action:
        count = count.where(_condition(action))
        query = query.where(_condition(action))
    total = session.exec(count).one()
    page, pages = page_window(total, page, page_size)
    events = session.exec(
        query.order_by(col(AuditEvent.created_at).desc(), col(AuditEvent.id).desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return AuditPage(events=events, total=total, page=page, pages=pages, action=action)


def recorded_actions(session: Session) -> list[str]:
    """Every action name the trail holds, for the filter."""
    return sorted(session.exec(select(AuditEvent.action).distinct()).all())
