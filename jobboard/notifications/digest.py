"""Digests: what a person heard of in the inbox since their last digest, in one mail, at most one mail an
interval (``JOBBOARD_APPLICANT_DIGEST_MINUTES``).

Who is due is read from the database: inbox rows still ``awaiting_digest`` of a person whose last digest
(``notification_settings.digest_sent_at``) is an interval old or who never had one. Each person's digest
is claimed with one conditional UPDATE of that stamp, and written in the same transaction as the claim:
the rows leave ``awaiting_digest`` and the mail goes into the outbox. Any number of runners (workers,
nodes, the command) may run at once: on PostgreSQL a second UPDATE waits for the first one's row lock and
then finds the stamp fresh; SQLite runs write transactions one at a time (BEGIN IMMEDIATE). A row
committed after a digest read its rows is still awaiting, and goes into the next one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import Engine, or_, update
from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.core.background import NudgedLoop
from jobboard.core.clock import utcnow
from jobboard.core.db import open_session, unit_of_work
from jobboard.core.i18n import locale_scope
from jobboard.core.settings import Settings
from jobboard.notifications.models import DIGEST_MAIL, MailKind, Notification, NotificationSettings
from jobboard.notifications.services import ensure_settings, mail_if_wanted
from jobboard.notifications.text import sentence

logger = logging.getLogger("jobboard.notifications")
POLL_SECONDS = 60.0
LISTED = 50  # a digest lists this many; the rest are counted, and all are in the inbox


def due_recipients(session: Session, now: datetime, interval: timedelta) -> list[int]:
    stamp = col(NotificationSettings.digest_sent_at)
    query = (
        select(Notification.recipient_id)
        .outerjoin(NotificationSettings, col(NotificationSettings.user_id) == Notification.recipient_id)
        .where(col(Notification.awaiting_digest).is_(True), or_(stamp.is_(None), stamp <= now - interval))
        .distinct()
    )
    return sorted(session.exec(query).all())


def _claim(session: Session, user_id: int, now: datetime, interval: timedelta) -> bool:
    """Takes this person's digest for this interval; False when another runner already did."""
    ensure_settings(session, [user_id])
    stamp = col(NotificationSettings.digest_sent_at)
    claimed = session.execute(
        update(NotificationSettings)
        .where(col(NotificationSettings.user_id) == user_id, or_(stamp.is_(None), stamp <= now - interval))
        .values(digest_sent_at=now)
    )
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def _digest_of(session: Session, user_id: int, now: datetime, interval: timedelta) -> int:
    """One person's digest, claimed and queued in one transaction; how many mails it queued (0 or 1 a
    kind of mail: members hear of applicants, staff of reviews)."""
    with unit_of_work(session):
        if not _claim(session, user_id, now, interval):
            return 0
        rows = session.exec(
            select(Notification)
            .where(Notification.recipient_id == user_id, col(Notification.awaiting_digest).is_(True))
            .order_by(col(Notification.id))
        ).all()
        by_kind: dict[MailKind, list[Notification]] = {}
        for row in rows:
            row.awaiting_digest = False
            by_kind.setdefault(DIGEST_MAIL[row.kind], []).append(row)
        person = session.get(User, user_id)
        if person is None or not person.is_active:
            return 0
        queued = 0
        for kind, notifications in by_kind.items():
            with locale_scope(person.language):
                items = [{"sentence": sentence(row), "link": row.link} for row in notifications[:LISTED]]
            context = {"name": person.full_name, "items": items, "count": len(notifications)}
            queued += (
                mail_if_wanted(session, person, template="digest", kind=kind, context=context) is not None
            )
        return queued


def send_digests(engine: Engine, settings: Settings, now: datetime | None = None) -> int:
    """Every digest due ``now``; how many mails were queued (the mail sender delivers them)."""
    now = now or utcnow()
    interval = timedelta(minutes=settings.applicant_digest_minutes)
    with open_session(engine) as session:
        due = due_recipients(session, now, interval)
        session.rollback()  # ends the read before the writes (SQLite would otherwise hold it open)
        return sum(_digest_of(session, user_id, now, interval) for user_id in due)


class DigestLoop(NudgedLoop):
    """This process's digest runner: a round a minute; other workers' and nodes' runners take the same
    work, and the claims make each digest one mail."""

    def __init__(self, settings: Settings, engine: Engine, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__("digest", poll_seconds, logger)
        self.settings = settings
        self.engine = engine

    def step(self) -> None:
        queued = send_digests(self.engine, self.settings)
        if queued:
            logger.info("%s digest mails queued", queued)
