"""Forgot password → mail → new password → signed in, on a phone, in Chinese and in English: a real board
under Uvicorn whose mail goes to a real SMTP server on loopback, read as the person would read it."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.board import BoardServer, serve_board
from tests.browser.conftest import Look, Steps, new_context, skip_without_browser, t
from tests.mail.smtp import SmtpInbox, smtp_server

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from jobboard.demo.sign_ins import SEEKER_PASSWORD, seeker_email  # noqa: E402

_RESET_LINK = re.compile(r"https?://\S+/account/reset\?token=\S+")


@pytest.fixture(scope="module")
def mail_board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BoardServer, SmtpInbox]]:
    with (
        smtp_server() as inbox,
        serve_board(
            tmp_path_factory.mktemp("mail-board"),
            JOBBOARD_SMTP_URL=inbox.url,
            JOBBOARD_MAIL_FROM="jobs@127.0.0.1",
        ) as server,
    ):
        yield server, inbox


def _reset_link(inbox: SmtpInbox, address: str) -> str:
    deadline = time.monotonic() + 20  # the board's sender delivers right after the commit
    while not inbox.to(address):
        assert time.monotonic() < deadline, f"no mail to {address}"
        time.sleep(0.1)
    body = inbox.to(address)[-1].get_body(("plain",))
    assert body is not None
    found = _RESET_LINK.search(body.get_content())
    assert found
    return found.group(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_forgot_password_then_mail_then_new_password_signs_in(
    browser: Any, mail_board: tuple[BoardServer, SmtpInbox], lang: str, request: pytest.FixtureRequest
) -> None:
    server, inbox = mail_board
    look = Look(lang, "phone")
    email = seeker_email(1 if lang == "zh" else 2)
    new_password = f"a brand new phrase {lang}"
    old_session = new_context(browser, server, look)  # signed in elsewhere before the reset
    old_page = old_session.new_page()
    old_page.goto("/login")
    old_page.get_by_label(t(look, "E-mail")).fill(email)
    old_page.get_by_label(t(look, "Password")).fill(SEEKER_PASSWORD)
    old_page.locator("main").get_by_role("button", name=t(look, "Log in")).click()
    expect(old_page).to_have_url(re.compile(r"/me/applications$"))

    context = new_context(browser, server, look)
    page = context.new_page()
    steps = Steps(page, request.node.name, look)
    page.goto("/login")
    page.get_by_role("link", name=t(look, "Forgot your password?")).click()
    steps.shot("forgot")
    page.get_by_label(t(look, "E-mail")).fill(email)
    page.get_by_role("button", name=t(look, "Send the link")).click()
    expect(page.locator("h1")).to_have_text(t(look, "Check your mail"))
    steps.shot("check-mail")

    page.goto(_reset_link(inbox, email))
    expect(page.locator("h1")).to_have_text(t(look, "Choose a new password"))
    required = re.compile(rf"^{re.escape(t(look, 'New password'))}\s*\*?$")  # not "… again"
    page.get_by_label(required).fill(new_password)
    page.get_by_label(t(look, "New password again")).fill(new_password)
    steps.shot("new-password")
    page.get_by_role("button", name=t(look, "Set the new password")).click()
    expect(page.locator(".flash-success")).to_have_text(
        t(look, "Your new password is set. Every other session of your account has ended.")
    )
    expect(page).to_have_url(re.compile(r"/me/applications$"))
    expect(page.get_by_role("link", name=t(look, "My account"))).to_be_visible()
    steps.shot("signed-in")

    old_page.goto("/me/applications")  # the session from before the reset has ended
    expect(old_page).to_have_url(re.compile(r"/login\?next="))
    old_session.close()
    context.close()
