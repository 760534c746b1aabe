"""The web fixtures with the board's mail going to a real SMTP server on loopback (``smtp_inbox``)."""

from __future__ import annotations

import re
import time
from email.message import EmailMessage

import pytest
from litestar import Litestar

from jobboard.app import create_app
from jobboard.core.settings import Settings
from jobboard.mail.sender import deliver_queued
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import fair, running_app, staff, visitor

__all__ = ["app", "fair", "running_app", "staff", "visitor"]

_LINK = re.compile(r"https?://\S+/account/(?:verify|reset)\?token=\S+")


@pytest.fixture
def app(mail_settings: Settings) -> Litestar:
    return create_app(mail_settings)


def mails_to(app: Litestar, inbox: SmtpInbox, address: str, count: int = 1) -> list[EmailMessage]:
    """The first ``count`` mails to ``address``, once the board's sender has delivered them."""
    board = BoardPlugin.state_of(app)
    deadline = time.monotonic() + 10
    while len(inbox.to(address)) < count:
        assert time.monotonic() < deadline, f"{len(inbox.to(address))} of {count} mails to {address}"
        deliver_queued(board.engine, board.settings)
        time.sleep(0.05)
    return inbox.to(address)[:count]


def text_of(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def link_in(mail: EmailMessage) -> str:
    """The sign-in link of a verification or reset mail, as its reader would open it."""
    found = _LINK.search(text_of(mail))
    assert found, text_of(mail)
    return found.group(0)
