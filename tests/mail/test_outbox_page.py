"""Staff read the outbox: kept mails (no relay) in full, failures with their reason and a retry; a link that
signs someone in is never shown once a relay sends the mail."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable

from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine
from sqlmodel import select

from jobboard.accounts.services import AccountService
from jobboard.app import create_app
from jobboard.audit.models import AuditEvent
from jobboard.core.db import unit_of_work
from jobboard.core.settings import Settings
from jobboard.mail.models import MailStatus, OutgoingMail
from jobboard.mail.sender import deliver_queued
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.mail.test_sender import queue, row
from tests.web.conftest import BASE_URL, PASSWORD, Visitor, db


def engine_of(app: Litestar) -> Engine:
    return BoardPlugin.state_of(app).engine


def wait_for_status(engine: Engine, mail_id: int, status: MailStatus) -> None:
    """The board's own sender (started with the app) works beside the test: wait for its outcome."""
    deadline = time.monotonic() + 10
    while row(engine, mail_id).status != status:
        assert time.monotonic() < deadline, f"mail {mail_id} is {row(engine, mail_id).status}, not {status}"
        time.sleep(0.05)


def mail_rows(html: str) -> list[str]:
    return re.findall(r'<tr data-mail="(\d+)"', html)


def test_a_kept_mail_is_listed_and_read_in_full(app: Litestar, staff: Visitor, settings: Settings) -> None:
    engine = engine_of(app)
    mail_id = queue(engine, kind="password_reset", context={"name": "李明"})
    deliver_queued(engine, settings)  # no relay: kept (or the board's own sender kept it first)
    wait_for_status(engine, mail_id, MailStatus.KEPT)
    listing = staff.get("/staff/mail?status=kept")
    assert listing.status_code == 200
    assert mail_rows(listing.text) == [str(mail_id)]
    assert "li.ming@example.cn" in listing.text
    assert "JOBBOARD_SMTP_URL" in listing.text  # says why the board keeps its mail
    page = staff.get(f"/staff/mail/{mail_id}")
    assert page.status_code == 200
    assert "李明" in page.text and f"{settings.base_url.rstrip('/')}/jobs" in page.text
    assert staff.get("/staff/mail?status=sent").text.count('<tr data-mail="') == 0


def test_the_outbox_is_for_staff_only(app: Litestar, staff: Visitor, visitor: Callable[[], Visitor]) -> None:
    mail_id = queue(engine_of(app))
    stranger = visitor()
    stranger.register_seeker("nosy@example.cn")
    for url in ("/staff/mail", f"/staff/mail/{mail_id}"):
        assert stranger.get(url).status_code in {401, 403, 404}
    assert stranger.post(f"/staff/mail/{mail_id}/retry").status_code in {401, 403, 404}
    with db(app) as session:
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "mail.retry")).all() == []
    assert staff.get("/staff/mail/999999").status_code == 404


def test_staff_retry_a_failed_mail_and_it_is_audited(
    settings: Settings, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    app = create_app(mail_settings)
    with TestClient(app=app, base_url=BASE_URL) as client:
        staff = Visitor(app, client)
        _sign_in_staff(app, staff)
        engine = engine_of(app)
        smtp_inbox.refuse("gone@example.cn", "550 5.1.1 no such user")
        mail_id = queue(engine, to="gone@example.cn")
        deliver_queued(engine, mail_settings)
        wait_for_status(engine, mail_id, MailStatus.FAILED)
        page = staff.get(f"/staff/mail/{mail_id}")
        assert "550" in page.text and "/retry" in page.text
        del smtp_inbox.refused["gone@example.cn"]  # the address works again
        assert staff.post(f"/staff/mail/{mail_id}/retry").status_code == 200
        smtp_inbox.wait_for(1)
        assert smtp_inbox.envelope_recipients == ["gone@example.cn"]
        with db(app) as session:
            events = session.exec(select(AuditEvent).where(AuditEvent.action == "mail.retry")).all()
            assert [event.subject_id for event in events] == [mail_id]
        again = staff.post(f"/staff/mail/{mail_id}/retry")  # sent now: nothing to retry
        assert again.status_code == 200 and "/retry" not in again.text


def test_with_a_relay_a_sign_in_link_is_never_shown(settings: Settings, mail_settings: Settings) -> None:
    app = create_app(dataclasses.replace(mail_settings, smtp_url="smtp://127.0.0.1:9"))  # nothing listens
    with TestClient(app=app, base_url=BASE_URL) as client:
        staff = Visitor(app, client)
        _sign_in_staff(app, staff)
        secret = "secret-token-abc"
        mail_id = queue(engine_of(app), kind="password_reset", context={"name": secret})
        page = staff.get(f"/staff/mail/{mail_id}")
        assert page.status_code == 200 and secret not in page.text
        with db(app) as session, unit_of_work(session):
            mail = session.get(OutgoingMail, mail_id)
            assert mail is not None
            mail.kind = "example"  # any other kind is readable, also with a relay
        assert secret in staff.get(f"/staff/mail/{mail_id}").text


def _sign_in_staff(app: Litestar, person: Visitor) -> None:
    with db(app) as session:
        AccountService(session).create_staff("staff@fair.example.cn", PASSWORD)
    assert person.login("staff@fair.example.cn").status_code == 200
