"""A running board that sends its mail to the loopback SMTP server, and helpers to read the mails."""

from __future__ import annotations

import re
import time
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from litestar import Litestar
from sqlalchemy import Engine

from jobboard.app import create_app
from jobboard.core.settings import Settings
from jobboard.mail.sender import deliver_queued
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import fair, running_app, staff, visitor

__all__ = ["app", "fair", "running_app", "staff", "visitor"]


@pytest.fixture
def app(mail_settings: Settings) -> Litestar:
    return create_app(mail_settings)


VERIFY_LINK = "/account/verify?token="


def _team_mails(inbox: SmtpInbox, address: str) -> list[EmailMessage]:
    return [mail for mail in inbox.to(address) if VERIFY_LINK not in mail.get_body(("plain",)).get_content()]


def mails_to(
    address: str, count: int, engine: Engine, settings: Settings, inbox: SmtpInbox
) -> list[EmailMessage]:
    """The first ``count`` mails to ``address``, once delivered (the board's own sender may be first),
    leaving out the mail that asked the address to be verified when its account was registered."""
    deadline = time.monotonic() + 10
    while len(_team_mails(inbox, address)) < count and time.monotonic() < deadline:
        deliver_queued(engine, settings)
        time.sleep(0.05)
    arrived = _team_mails(inbox, address)
    assert len(arrived) >= count, f"{len(arrived)} of {count} mails to {address} arrived"
    return arrived[:count]


def link_in(mail: EmailMessage) -> str:
    """The path and query of the board's link in a mail (the test client speaks to the board itself)."""
    body = mail.get_body(("plain",))
    assert body is not None
    match = re.search(r"http://testserver\.local(/invitations/accept\?token=[\w-]+)", body.get_content())
    assert match is not None, "the mail holds no invitation link"
    parts = urlsplit(match.group(1))
    return f"{parts.path}?{parts.query}"
