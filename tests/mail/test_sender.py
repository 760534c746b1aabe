"""The sender delivers the outbox to a real SMTP server on loopback and records each outcome."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from jobboard.core.clock import utcnow
from jobboard.core.db import open_session, unit_of_work
from jobboard.core.settings import Settings
from jobboard.mail.models import MailStatus, OutgoingMail
from jobboard.mail.sender import MailSender, claim_due, deliver_queued
from jobboard.mail.services import queue_mail
from tests.live.nodes import free_port
from tests.mail.smtp import SmtpInbox


def queue(engine: Engine, to: str = "li.ming@example.cn", **overrides: Any) -> int:
    values: dict[str, Any] = {"template": "example", "kind": "example", "language": "zh"}
    values.update(overrides)
    values.setdefault("context", {"name": "李明"})
    with open_session(engine) as session, unit_of_work(session):
        mail = queue_mail(session, to=to, **values)
        session.flush()
        assert mail.id is not None
        return mail.id


def row(engine: Engine, mail_id: int) -> OutgoingMail:
    with open_session(engine) as session:
        mail = session.get(OutgoingMail, mail_id)
        assert mail is not None
        return mail


def test_a_queued_mail_arrives_as_text_and_html_with_its_headers(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    mail_id = queue(engine)
    assert deliver_queued(engine, mail_settings) == 1
    (message,) = smtp_inbox.wait_for(1)
    assert smtp_inbox.envelope_recipients == ["li.ming@example.cn"]
    assert smtp_inbox.greetings == ["testserver.local"]  # EHLO with the board's own name
    assert message["Subject"] == "招聘会网站的测试邮件"
    assert message["From"].addresses[0].addr_spec == "jobs@testserver.local"
    assert message["Message-ID"].startswith(f"<mail-{mail_id}.") and message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert text.get_content().startswith("李明，您好：")
    assert '<a href="http://testserver.local/jobs">' in html.get_content()
    sent = row(engine, mail_id)
    assert sent.status is MailStatus.SENT and sent.sent_at is not None and sent.attempts == 1
    assert deliver_queued(engine, mail_settings) == 0  # sent once, never again


def test_without_a_relay_mails_are_kept_for_staff(
    engine: Engine, settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    mail_id = queue(engine)
    assert settings.smtp_url is None
    assert deliver_queued(engine, settings) == 1
    kept = row(engine, mail_id)
    assert kept.status is MailStatus.KEPT and kept.context == {"name": "李明"}
    assert smtp_inbox.messages == []


def test_a_permanent_refusal_fails_the_mail_and_a_temporary_one_waits(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    smtp_inbox.refuse("gone@example.cn", "550 5.1.1 <gone@example.cn>: no such user")
    smtp_inbox.refuse("full@example.cn", "452 4.2.2 <full@example.cn>: mailbox full")
    gone, full, fine = (queue(engine, to) for to in ("gone@example.cn", "full@example.cn", "ok@example.cn"))
    before = utcnow()
    assert deliver_queued(engine, mail_settings) == 1
    assert smtp_inbox.envelope_recipients == ["ok@example.cn"]
    failed, waiting = row(engine, gone), row(engine, full)
    assert failed.status is MailStatus.FAILED and failed.last_error == "recipient refused: 550"
    assert waiting.status is MailStatus.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt_at >= before + timedelta(seconds=59)
    assert "@" not in failed.last_error + waiting.last_error  # no address in what staff and logs see
    assert row(engine, fine).status is MailStatus.SENT
    assert deliver_queued(engine, mail_settings) == 0  # the deferred one is not due yet


def test_a_relay_that_does_not_answer_defers_the_whole_batch(engine: Engine, settings: Settings) -> None:
    down = dataclasses.replace(settings, smtp_url=f"smtp://127.0.0.1:{free_port()}")
    mail_ids = [queue(engine, f"p{number}@example.cn") for number in range(3)]
    assert deliver_queued(engine, down) == 0
    for mail_id in mail_ids:
        waiting = row(engine, mail_id)
        assert waiting.status is MailStatus.QUEUED and waiting.attempts == 1
        assert waiting.last_error == "connecting failed: ConnectionRefusedError"


def test_a_dead_senders_claims_are_taken_again_once_its_lease_runs_out(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    mail_id = queue(engine)
    assert claim_due(engine, utcnow(), 20, timedelta(seconds=1)) == [mail_id]  # then the sender died
    assert deliver_queued(engine, mail_settings) == 0  # still leased: that sender may be alive
    time.sleep(1.1)
    assert deliver_queued(engine, mail_settings) == 1
    assert len(smtp_inbox.wait_for(1)) == 1
    assert row(engine, mail_id).attempts == 2


def test_a_sign_in_link_is_not_kept_once_sent(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    reset = queue(engine, kind="password_reset")
    other = queue(engine, kind="example")
    assert deliver_queued(engine, mail_settings) == 2
    assert row(engine, reset).context == {} and row(engine, other).context == {"name": "李明"}


def test_an_unsubscribe_link_in_the_context_becomes_the_list_headers(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    queue(engine, context={"name": "李明", "unsubscribe_url": "http://testserver.local/u/abc"})
    deliver_queued(engine, mail_settings)
    (message,) = smtp_inbox.wait_for(1)
    assert message["List-Unsubscribe"] == "<http://testserver.local/u/abc>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_sender_is_nudged_by_the_commit_that_queues_a_mail(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    sender = MailSender(mail_settings, engine, poll_seconds=600)  # polling alone would take minutes
    sender.start()
    try:
        time.sleep(0.2)  # its first round (what waited while the board was down) is over
        mail_id = queue(engine)
        smtp_inbox.wait_for(1, timeout=5)
    finally:
        sender.stop()  # after the round that sent it, and recorded it
    assert row(engine, mail_id).status is MailStatus.SENT


def test_a_claim_takes_at_most_its_batch(engine: Engine) -> None:
    mail_ids = [queue(engine, f"p{number}@example.cn") for number in range(30)]
    assert claim_due(engine, utcnow(), 20, timedelta(minutes=1)) == mail_ids[:20]
    assert claim_due(engine, utcnow(), 20, timedelta(minutes=1)) == mail_ids[20:]
    assert claim_due(engine, utcnow(), 20, timedelta(minutes=1)) == []


def test_a_slow_relay_never_gets_a_mail_twice_from_senders_with_short_leases(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    smtp_inbox.delay = 0.05  # ten mails take half a second: longer than the lease
    for number in range(10):
        queue(engine, f"p{number}@example.cn")
    lease = timedelta(seconds=0.3)
    first = threading.Thread(target=deliver_queued, args=(engine, mail_settings), kwargs={"lease": lease})
    first.start()
    time.sleep(0.35)  # the first sender's lease on its batch has run out
    deliver_queued(engine, mail_settings, lease=lease)
    first.join()
    assert sorted(smtp_inbox.envelope_recipients) == sorted(f"p{number}@example.cn" for number in range(10))
