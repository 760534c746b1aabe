"""The board of tests/web (two firms, a published job, an applicant), its mail going to the loopback SMTP
server, and its digest loop stopped: the tests run the digests themselves, at the moments they choose."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlmodel import col, select

from jobboard.app import create_app
from jobboard.core.db import open_session
from jobboard.core.settings import Settings
from jobboard.mail.models import OutgoingMail
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import fair, staff, visitor

__all__ = ["app", "fair", "running_app", "staff", "visitor"]


@pytest.fixture
def app(mail_settings: Settings) -> Litestar:
    return create_app(mail_settings)


@pytest.fixture
def running_app(app: Litestar) -> Iterator[TestClient]:
    with TestClient(app=app, base_url="http://testserver.local") as client:
        BoardPlugin.state_of(app).digests.stop()
        yield client


def stoppable_mails(inbox: SmtpInbox, address: str, timeout: float = 10.0) -> list[EmailMessage]:
    """The mails to ``address`` that carry a stop link (not its sign-up's verification mail), once at
    least one has arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [message for message in inbox.to(address) if message["List-Unsubscribe"]]
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"no mail that can be stopped arrived for {address} in {timeout}s")


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def stop_link(message: EmailMessage) -> str:
    """The path of the mail's one-click stop link, from its List-Unsubscribe header."""
    found = re.fullmatch(r"<http://testserver\.local(/unsubscribe/\S+)>", message["List-Unsubscribe"])
    assert found is not None
    return found.group(1)


def queued(app: Litestar, kind: str, to: str | None = None) -> list[OutgoingMail]:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        query = select(OutgoingMail).where(OutgoingMail.kind == kind).order_by(col(OutgoingMail.id))
        if to is not None:
            query = query.where(OutgoingMail.recipient == to)
        return list(session.exec(query).all())
