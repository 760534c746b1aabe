"""A real SMTP server on loopback for the tests (``aiosmtpd``), and the board's settings pointing at it.

Available to every test (``tests/conftest.py`` loads this module as a plugin):

- ``smtp_inbox``: a running server on 127.0.0.1 with a free port; ``smtp_inbox.messages`` are the mails it
  received, as ``email.message.EmailMessage`` (``wait_for(n)`` waits for the n-th); ``refuse(address,
  reply)`` makes it answer RCPT TO for that address with ``reply`` (e.g. ``"550 5.1.1 no such user"``).
  The board's own sender (the app's lifespan starts one) may deliver before your ``deliver_queued``
  call does: wait with ``wait_for(n)`` rather than counting what ``deliver_queued`` returns.
- ``mail_settings``: the test's ``settings`` with ``smtp_url`` on that server.

Then ``deliver_queued(engine, mail_settings)`` (``jobboard.mail.sender``) sends everything due now::

    def test_x(engine, mail_settings, smtp_inbox):
        ...  # a service queues a mail and commits
        assert deliver_queued(engine, mail_settings) == 1
        (mail,) = smtp_inbox.messages
        link = re.search(r"https?://\\S+", mail.get_body(("plain",)).get_content()).group(0)
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from jobboard.core.settings import Settings
from tests.live.nodes import free_port


class SmtpInbox:
    """What the server received: one ``EmailMessage`` per accepted mail (and recipient), in order."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelope_recipients: list[str] = []
        self.refused: dict[str, str] = {}
        self.greetings: list[str] = []  # the sender's EHLO name, one per mail
        self.delay = 0.0  # seconds the server takes over each mail before it answers "250"
        self._arrived = threading.Condition()
        self.url = ""

    def refuse(self, address: str, reply: str) -> None:
        self.refused[address.lower()] = reply

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        """The first ``count`` mails, once they have arrived."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.messages)} of {count} mails arrived in {timeout}s")
                self._arrived.wait(left)
            return list(self.messages[:count])

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if message["To"].addresses[0].addr_spec == address]

    # aiosmtpd's handler hooks

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        reply = self.refused.get(address.lower())
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(self.delay)  # a relay writing the mail to its queue: accepted once written
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self._arrived:
            for recipient in envelope.rcpt_tos:
                self.messages.append(message)
                self.envelope_recipients.append(recipient)
                self.greetings.append(session.host_name)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server() -> Iterator[SmtpInbox]:
    """A server on 127.0.0.1 until the block ends (for tests that need one outside the fixtures)."""
    inbox = SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{port}"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_inbox() -> Iterator[SmtpInbox]:
    with smtp_server() as inbox:
        yield inbox


@pytest.fixture
def mail_settings(settings: Settings, smtp_inbox: SmtpInbox) -> Settings:
    return dataclasses.replace(settings, smtp_url=smtp_inbox.url, mail_from="招聘会 <jobs@testserver.local>")
