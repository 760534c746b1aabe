"""The outbox as staff see it: every mail with its state, failures to retry, and (without a relay, the
embedded default) the kept mails to read, so that every flow of the board can be followed end to end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.audit.services import record
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import NotFound
from jobboard.core.paging import page_window
from jobboard.mail.models import MAIL_DELIVERY, MailAction, MailStatus, OutgoingMail
from jobboard.mail.services import MAIL_QUEUED, SIGN_IN_KINDS

PAGE_SIZE = 50


@dataclass(frozen=True)
class OutboxPage:
    mails: Sequence[OutgoingMail]
    counts: dict[MailStatus, int]  # every state, also those with none
    status: MailStatus | None
    page: int
    pages: int


def outbox_page(session: Session, status: MailStatus | None, page: int = 1) -> OutboxPage:
    """Newest first; ``status`` None is every mail."""
    rows = session.exec(select(OutgoingMail.status, func.count()).group_by(col(OutgoingMail.status))).all()
    counts = {state: 0 for state in MailStatus} | {MailStatus(state): count for state, count in rows}
    total = counts[status] if status is not None else sum(counts.values())
    page, pages = page_window(total, page, PAGE_SIZE)
    query = select(OutgoingMail)
    if status is not None:
        query = query.where(OutgoingMail.status == status)
    mails = session.exec(
        query.order_by(col(OutgoingMail.id).desc()).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    ).all()
    return OutboxPage(mails=mails, counts=counts, status=status, page=page, pages=pages)


def readable(mail: OutgoingMail, relay_configured: bool) -> bool:
    """Whether staff may read what a mail says. A link that signs someone in is shown only where the
    board sends no mail at all (staff then pass it on by hand); with a relay, staff never see it, so
    that reading the outbox cannot open another person's account."""
    if mail.kind in SIGN_IN_KINDS:
        return not relay_configured and bool(mail.context)  # once sent, the board keeps no copy of it
    return True


def outgoing_mail(session: Session, mail_id: int) -> OutgoingMail:
    mail = session.get(OutgoingMail, mail_id)
    if mail is None:
        raise NotFound()
    return mail


def retry_mail(session: Session, staff: User, mail_id: int) -> OutgoingMail:
    """A failed (or kept) mail goes back to the queue, due now, with a fresh count of attempts."""
    mail = outgoing_mail(session, mail_id)
    with unit_of_work(session):
        mail.status = MAIL_DELIVERY.target(mail.status, MailAction.RETRY, staff.role)
        mail.attempts = 0
        mail.next_attempt_at = utcnow()
        mail.last_error = ""
        record(session, actor_id=staff.id, action="mail.retry", subject_type="mail", subject_id=mail.id)
        session.info[MAIL_QUEUED] = True
    return mail
