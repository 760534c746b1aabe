"""Telling people: inbox rows and mails written in the caller's transaction, each person's inbox and mail
choices, and the one-click links that stop a kind of mail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from jobboard.accounts.models import Role, User
from jobboard.core.clock import utcnow
from jobboard.core.db import saved_id, unit_of_work
from jobboard.core.errors import NotFound
from jobboard.core.tokens import new_token, token_digest
from jobboard.mail.message import UNSUBSCRIBE_URL
from jobboard.mail.models import OutgoingMail
from jobboard.mail.services import mail_to
from jobboard.notifications.models import (
    DIGEST_MAIL,
    MailKind,
    MailStopToken,
    Notification,
    NotificationKind,
    NotificationSettings,
)

INBOX_PAGE = 50
# The mails each role may get, in the order the preferences page lists them.
MAIL_KINDS_OF: dict[Role, tuple[MailKind, ...]] = {
    Role.SEEKER: (MailKind.APPLICATION_UPDATE,),
    Role.EMPLOYER: (MailKind.APPLICANT_DIGEST,),
    Role.STAFF: (MailKind.REVIEW_DIGEST,),
}
STOP_PATH = "/unsubscribe/"
_SETTINGS: Table = NotificationSettings.__table__  # type: ignore[attr-defined]


def notify(
    session: Session,
    recipient_ids: Iterable[int],
    kind: NotificationKind,
    params: Mapping[str, Any],
    link: str = "",
) -> None:
    """An inbox row for each recipient, in the caller's unit of work (digest kinds wait for the digest)."""
    for recipient_id in dict.fromkeys(recipient_ids):
        session.add(
            Notification(
                recipient_id=recipient_id,
                kind=kind,
                params=dict(params),
                link=link,
                awaiting_digest=kind in DIGEST_MAIL,
            )
        )


def staff_ids(session: Session) -> list[int]:
    query = select(User.id).where(User.role == Role.STAFF, col(User.is_active).is_(True))
    return [user_id for user_id in session.exec(query) if user_id is not None]


def firm_member_ids(session: Session, company_id: int) -> list[int]:
    query = select(User.id).where(
        User.company_id == company_id, User.role == Role.EMPLOYER, col(User.is_active).is_(True)
    )
    return [user_id for user_id in session.exec(query) if user_id is not None]


def mail_off(session: Session, user_id: int) -> set[str]:
    settings = session.get(NotificationSettings, user_id)
    return set(settings.mail_off) if settings is not None else set()


def mail_if_wanted(
    session: Session, person: User, *, template: str, kind: MailKind, context: Mapping[str, Any]
) -> OutgoingMail | None:
    """A mail of a kind the person may stop, unless they did; it carries its own stop link."""
    if kind in mail_off(session, saved_id(person.id)):
        return None
    token, digest = new_token()
    session.add(MailStopToken(digest=digest, user_id=saved_id(person.id), kind=kind))
    stop = f"{STOP_PATH}{token}"
    return mail_to(session, person, template=template, kind=kind, context={**context, UNSUBSCRIBE_URL: stop})


def unread_count(session: Session, user_id: int) -> int:
    query = select(func.count()).where(
        Notification.recipient_id == user_id, col(Notification.read_at).is_(None)
    )
    return session.exec(query).one()


class InboxService:
    """One person's inbox: only their own rows, newest first."""

    def __init__(self, session: Session, user: User) -> None:
        self.session = session
        self.user_id = saved_id(user.id)

    def latest(self, limit: int = INBOX_PAGE) -> Sequence[Notification]:
        query = (
            select(Notification)
            .where(Notification.recipient_id == self.user_id)
            .order_by(col(Notification.created_at).desc(), col(Notification.id).desc())
            .limit(limit)
        )
        return self.session.exec(query).all()

    def mark_read(self, notification_id: int) -> Notification:
        notification = self.session.get(Notification, notification_id)
        if notification is None or notification.recipient_id != self.user_id:
            raise NotFound()
        with unit_of_work(self.session):
            notification.read_at = notification.read_at or utcnow()
        return notification

    def mark_all_read(self) -> None:
        with unit_of_work(self.session):
            self.session.execute(
                update(Notification)
                .where(col(Notification.recipient_id) == self.user_id, col(Notification.read_at).is_(None))
                .values(read_at=utcnow())
            )


class MailChoices:
    """Which mails a person gets (the inbox always has everything), and the links that stop one kind."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def offered(self, user: User) -> dict[MailKind, bool]:
        """Each kind this person's role may get, and whether they get it."""
        off = mail_off(self.session, saved_id(user.id))
        return {kind: kind not in off for kind in MAIL_KINDS_OF.get(user.role, ())}

    def choose(self, user: User, wanted: Iterable[str]) -> None:
        wanted = set(wanted)
        offered = self.offered(user)
        with unit_of_work(self.session):
            settings = self._settings_of(saved_id(user.id))
            kept = [kind for kind in settings.mail_off if kind not in offered]
            settings.mail_off = sorted({*kept, *(kind for kind in offered if kind not in wanted)})

    def stop_link(self, token: str) -> MailStopToken:
        """What a stop link stops; a link the board never sent is not found."""
        stop = self.session.get(MailStopToken, token_digest(token))
        if stop is None:
            raise NotFound("stop_link_invalid")
        return stop

    def stop(self, token: str) -> MailKind:
        """Stops the link's kind of mail for its person; doing it again changes nothing."""
        stop = self.stop_link(token)
        with unit_of_work(self.session):
            settings = self._settings_of(stop.user_id)
            if stop.kind not in settings.mail_off:
                settings.mail_off = sorted({*settings.mail_off, stop.kind})
        return stop.kind

    def stop_all(self, user_ids: Sequence[int]) -> None:
        """No mail of any kind for these accounts (the demo's, whose addresses receive nothing)."""
        with unit_of_work(self.session):
            for user_id in user_ids:
                self._settings_of(user_id).mail_off = sorted(MailKind)

    def _settings_of(self, user_id: int) -> NotificationSettings:
        ensure_settings(self.session, [user_id])
        return self.session.get_one(
            NotificationSettings, user_id, with_for_update=True, populate_existing=True
        )


def ensure_settings(session: Session, user_ids: Sequence[int]) -> None:
    """A settings row for each person, without a duplicate-key error when another transaction adds it
    at the same moment (two clicks, two digest runners)."""
    if not user_ids:
        return
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    rows = [{"user_id": user_id, "mail_off": []} for user_id in user_ids]
    session.execute(insert(_SETTINGS).values(rows).on_conflict_do_nothing())
