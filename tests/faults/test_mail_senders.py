"""Sender processes share one outbox: none sends a mail twice, and a sender killed mid-batch loses none.

Real ``jobboard send-mail --watch`` processes, a real SMTP server on loopback (``tests/mail/smtp.py``) that
takes a few milliseconds over each mail, on PostgreSQL and on SQLite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from jobboard.core.db import create_db_engine, open_session, unit_of_work
from jobboard.mail.models import MailStatus, OutgoingMail
from jobboard.mail.services import queue_mail
from jobboard.migrations.runner import upgrade
from tests.live.nodes import JOBBOARD, node_environment
from tests.mail.smtp import SmtpInbox, smtp_server

pytestmark = pytest.mark.faults

MAILS = 200
LEASE_SECONDS = 2  # a killed sender's claims are taken again this soon


@pytest.fixture(params=["postgresql", "sqlite"])
def outbox_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgresql":
        url = request.getfixturevalue("live_database_url")
    else:
        url = f"sqlite:///{tmp_path / 'board.sqlite3'}"
        upgrade("head", database_url=url)
    engine = create_db_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def slow_relay() -> Iterator[SmtpInbox]:
    with smtp_server() as inbox:
        inbox.delay = 0.01
        yield inbox


def queue_mails(engine: Engine, count: int) -> None:
    with open_session(engine) as session, unit_of_work(session):
        for number in range(count):
            queue_mail(
                session,
                to=f"p{number}@example.cn",
                template="example",
                kind="example",
                language="zh" if number % 2 else "en",
                context={"name": f"求职者{number}"},
            )


def start_sender(engine: Engine, relay: SmtpInbox, name: str) -> subprocess.Popen[bytes]:
    database_url = engine.url.render_as_string(hide_password=False)
    env = node_environment(
        {
            "database_url": database_url,
            "smtp_url": relay.url,
            "mail_from": "jobs@fair.example.cn",
            "base_url": f"http://{name}.example.cn",  # its EHLO name: which sender sent what
        }
    )
    command = [str(JOBBOARD), "send-mail", "--watch", "--poll", "0.2", "--lease", str(LEASE_SECONDS)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, start_new_session=True)


def stop(sender: subprocess.Popen[bytes], how: signal.Signals = signal.SIGTERM) -> None:
    os.kill(sender.pid, how)
    sender.wait(timeout=30)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise TimeoutError(what)
        time.sleep(0.05)
    return time.monotonic() - started


def statuses(engine: Engine) -> Counter[MailStatus]:
    with open_session(engine) as session:
        rows = session.exec(select(OutgoingMail.status, func.count()).group_by(OutgoingMail.status)).all()
    return Counter({status: count for status, count in rows})


def all_sent(engine: Engine) -> bool:
    return statuses(engine) == Counter({MailStatus.SENT: MAILS})


def message_ids(relay: SmtpInbox) -> Counter[str]:
    return Counter(str(message["Message-ID"]) for message in relay.messages)


def test_two_senders_deliver_each_of_200_mails_exactly_once(
    outbox_engine: Engine, slow_relay: SmtpInbox
) -> None:
    senders = [start_sender(outbox_engine, slow_relay, name) for name in ("sender-a", "sender-b")]
    try:
        time.sleep(1.5)  # both are up and polling: they race for every batch
        queue_mails(outbox_engine, MAILS)
        took = wait_until(lambda: all_sent(outbox_engine), 120, "all mails sent")
        time.sleep(0.5)  # a mail sent twice would arrive now
    finally:
        for sender in senders:
            stop(sender)
    ids = message_ids(slow_relay)
    assert len(slow_relay.messages) == MAILS and len(ids) == MAILS, ids.most_common(3)
    assert sorted(slow_relay.envelope_recipients) == sorted(f"p{n}@example.cn" for n in range(MAILS))
    shares = Counter(slow_relay.greetings)
    assert set(shares) == {"sender-a.example.cn", "sender-b.example.cn"}, shares  # both took part
    print(f"\n{outbox_engine.dialect.name}: {MAILS} mails in {took:.1f} s, shares {dict(shares)}")


def test_a_sender_killed_mid_batch_loses_no_mail(outbox_engine: Engine, slow_relay: SmtpInbox) -> None:
    queue_mails(outbox_engine, MAILS)
    kills = (40, 90, 140)  # mails received when the sender of the moment is killed with SIGKILL
    started = time.monotonic()
    for number, threshold in enumerate(kills):
        sender = start_sender(outbox_engine, slow_relay, f"sender-{number}")
        wait_until(lambda threshold=threshold: len(slow_relay.messages) >= threshold, 60, "mails arriving")
        stop(sender, signal.SIGKILL)
    survivor = start_sender(outbox_engine, slow_relay, "survivor")
    try:
        wait_until(lambda: all_sent(outbox_engine), 120, "all mails sent after the kills")
        time.sleep(0.5)
    finally:
        stop(survivor)
    ids = message_ids(slow_relay)
    assert len(ids) == MAILS  # every mail arrived
    copies = {message_id: count for message_id, count in ids.items() if count > 1}
    # Killed between the relay's "250" (the relay has the mail) and its own commit, a sender cannot know
    # the mail left: at most the one mail in flight per kill is sent again, with the same Message-ID.
    assert len(slow_relay.messages) - MAILS == sum(count - 1 for count in copies.values()) <= len(kills)
    assert all(count == 2 for count in copies.values())
    print(
        f"\n{outbox_engine.dialect.name}: {len(kills)} kills, {len(copies)} mails sent twice, "
        f"all {MAILS} delivered in {time.monotonic() - started:.1f} s"
    )
