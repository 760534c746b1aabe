"""Delivers the outbox: claims due mails, sends them to the relay, records each outcome.

Any number of senders (threads, workers, nodes) share one outbox. A claim is one conditional UPDATE that
moves due rows to SENDING with a lease (``claimed_until``): on PostgreSQL its rows are chosen with
``FOR UPDATE SKIP LOCKED``, so concurrent claims take different rows; on SQLite every write transaction
begins IMMEDIATE, so claims are serialised. A sender that dies leaves SENDING rows whose lease runs out;
the next claim takes them again. Delivery is therefore at least once: a sender killed between the
relay's "250 OK" and its own commit leaves a mail that is sent again (with the same Message-ID).
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, Table, and_, any_, event, func, or_, select, update
from sqlmodel import Session

from jobboard.core.background import NudgedLoop
from jobboard.core.clock import utcnow
from jobboard.core.db import open_session, saved_id, unit_of_work
from jobboard.core.settings import Settings
from jobboard.mail.message import build_message, envelope_sender
from jobboard.mail.models import MAIL_DELIVERY, MailAction, MailStatus, OutgoingMail
from jobboard.mail.relay import TIMEOUT_SECONDS, Relay, RelayError, relay_error
from jobboard.mail.rendering import render_mail
from jobboard.mail.services import MAIL_QUEUED, SIGN_IN_KINDS

logger = logging.getLogger("jobboard.mail")
_senders: weakref.WeakSet[MailSender] = weakref.WeakSet()
_OUTBOX: Table = OutgoingMail.__table__  # type: ignore[attr-defined]

BATCH = 20
LEASE = timedelta(minutes=5)  # far longer than a batch takes: a live sender's claims are never taken
MAX_ATTEMPTS = 10  # with the backoff below, about four hours of a relay that keeps failing
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)


@event.listens_for(Session, "after_commit")
def _nudge_after_commit(session: Session) -> None:
    if session.info.pop(MAIL_QUEUED, False):
        for sender in list(_senders):
            sender.nudge()


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, ... minutes after the ``attempts``-th failure, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def claim_due(engine: Engine, now: datetime, limit: int, lease: timedelta) -> list[int]:
    """Moves up to ``limit`` due mails to SENDING under a lease of ours, atomically; their ids."""
    column = _OUTBOX.c
    due_from = {
        MailStatus.QUEUED: column.next_attempt_at <= now,
        MailStatus.SENDING: column.claimed_until < now,  # its sender died: the lease ran out
    }
    claimable = MAIL_DELIVERY.transitions[MailAction.CLAIM]
    assert set(due_from) == set(claimable), "the claim's conditions follow MAIL_DELIVERY"
    (target,) = set(claimable.values())
    due = or_(*(and_(column.status == state.value, condition) for state, condition in due_from.items()))
    chosen = select(column.id).where(due).order_by(column.id).limit(limit)
    if engine.dialect.name == "postgresql":
        # = ANY(ARRAY(...)) runs the choice once. As ``id IN (...)`` the planner may rescan it for every
        # row (a semi-join): measured, one claim took all 200 due mails instead of 20.
        ids = any_(func.array(chosen.with_for_update(skip_locked=True).scalar_subquery()))
        chosen_ids = column.id == ids
    else:
        chosen_ids = column.id.in_(chosen.scalar_subquery())
    claim = (
        update(_OUTBOX)
        .where(chosen_ids, due)  # checked again once the row is locked
        .values(status=target.value, claimed_until=now + lease, attempts=column.attempts + 1)
        .returning(column.id)
    )
    with engine.begin() as connection:
        return sorted(connection.execute(claim).scalars())


def _settle(
    session: Session, mail_id: int, lease_until: datetime, action: MailAction, **changes: Any
) -> bool:
    """Takes ``action`` on a mail this sender still holds; False if its lease ran out and another
    sender took it (that one records the outcome)."""
    with unit_of_work(session):
        mail = session.get(OutgoingMail, mail_id, with_for_update=True, populate_existing=True)
        if mail is None or mail.status is not MailStatus.SENDING or mail.claimed_until != lease_until:
            return False
        mail.status = MAIL_DELIVERY.target(mail.status, action, None)
        mail.claimed_until = None
        for name, value in changes.items():
            setattr(mail, name, value)
        return True


def _failed(session: Session, mail: OutgoingMail, lease_until: datetime, error: RelayError) -> None:
    now = utcnow()
    if error.permanent or mail.attempts >= MAX_ATTEMPTS:
        _settle(session, saved_id(mail.id), lease_until, MailAction.FAIL, last_error=error.summary)
        logger.warning("mail %s (%s) failed for good: %s", mail.id, mail.kind, error.summary)
    else:
        wait = retry_delay(mail.attempts)
        _settle(
            session,
            saved_id(mail.id),
            lease_until,
            MailAction.DEFER,
            last_error=error.summary,
            next_attempt_at=now + wait,
        )
        logger.info(
            "mail %s (%s) deferred %ss: %s", mail.id, mail.kind, int(wait.total_seconds()), error.summary
        )


def deliver_queued(
    engine: Engine, settings: Settings, *, batch: int = BATCH, lease: timedelta = LEASE
) -> int:
    """Sends (or, without a relay configured, keeps) every mail due now, batch after batch; how many
    left the board (or were kept). Mails another sender holds are left to it."""
    done = 0
    while True:
        now = utcnow()
        claimed = claim_due(engine, now, batch, lease)
        if not claimed:
            return done
        done += _deliver_batch(engine, settings, claimed, now + lease, send_until=now + lease / 2)


def _deliver_batch(
    engine: Engine, settings: Settings, claimed: list[int], lease_until: datetime, send_until: datetime
) -> int:
    """``send_until``: no mail of the batch is begun later, so that each is settled well before its lease
    runs out and another sender may take it (a slow relay would otherwise get some twice)."""
    with open_session(engine) as session:
        mails = [mail for mail_id in claimed if (mail := session.get(OutgoingMail, mail_id)) is not None]
        if settings.smtp_url is None:
            return sum(_settle(session, saved_id(mail.id), lease_until, MailAction.KEEP) for mail in mails)
        relay = Relay.from_url(settings.smtp_url)
        sent = 0
        try:
            with relay.connection(urlsplit(settings.base_url).hostname or "localhost") as smtp:
                for index, mail in enumerate(mails):
                    if utcnow() > send_until:
                        _release(session, mails[index:], lease_until)
                        return sent
                    try:
                        sent += _send_one(session, smtp, settings, mail, lease_until)
                    except RelayError as error:
                        if error.permanent or _still_connected(smtp):
                            _failed(session, mail, lease_until, error)
                            continue
                        for left in mails[index:]:  # the connection is gone: the rest waits too
                            _failed(session, left, lease_until, error)
                        return sent
        except RelayError as error:  # connecting failed: nothing of this batch was sent
            for mail in mails:
                _failed(session, mail, lease_until, error)
        return sent


def _release(session: Session, mails: list[OutgoingMail], lease_until: datetime) -> None:
    """Back to the queue, due now, without counting the attempt that was not made."""
    for mail in mails:
        _settle(
            session,
            saved_id(mail.id),
            lease_until,
            MailAction.DEFER,
            next_attempt_at=utcnow(),
            attempts=mail.attempts - 1,
        )


def _still_connected(smtp: Any) -> bool:
    return getattr(smtp, "sock", None) is not None


def _send_one(
    session: Session, smtp: Any, settings: Settings, mail: OutgoingMail, lease_until: datetime
) -> int:
    now = utcnow()
    try:
        rendered = render_mail(mail.template, mail.context, mail.language, settings.base_url)
        message = build_message(mail, rendered, settings.mail_sender, now, settings.base_url)
    except Exception as error:  # a broken template or address never gets better by waiting
        raise RelayError(f"could not be written: {type(error).__name__}", permanent=True) from error
    try:
        smtp.send_message(message, from_addr=envelope_sender(settings.mail_sender), to_addrs=[mail.recipient])
    except Exception as error:  # smtplib's errors, and its refusals of what a relay cannot carry
        raise relay_error(error) from error
    # A sign-in link (reset, verification, invitation) stays usable until it expires: once it is in
    # the person's inbox, the board keeps no copy of it.
    context = {} if mail.kind in SIGN_IN_KINDS else mail.context
    _settle(
        session,
        saved_id(mail.id),
        lease_until,
        MailAction.DELIVER,
        sent_at=utcnow(),
        last_error="",
        context=context,
    )
    logger.info("mail %s (%s) sent", mail.id, mail.kind)
    return 1


class MailSender(NudgedLoop):
    """This process's sender: nudged after each commit that queued mail, polling as a safety net
    (other processes and nodes queue mail too, and deferred mails come due)."""

    def __init__(
        self, settings: Settings, engine: Engine, poll_seconds: float = 5.0, lease: timedelta = LEASE
    ) -> None:
        super().__init__("mail-sender", poll_seconds, logger)
        self.settings = settings
        self.engine = engine
        self.lease = lease

    def start(self) -> None:
        _senders.add(self)
        super().start()

    def stop(self, timeout: float = 2 * TIMEOUT_SECONDS) -> None:  # a send under way may take this long
        _senders.discard(self)
        super().stop(timeout)

    def step(self) -> None:
        deliver_queued(self.engine, self.settings, lease=self.lease)
