"""Every mail that may be stopped carries a one-click link: it works without signing in (a page with a
button, and the mail program's RFC 8058 POST), stopping twice changes nothing, and a forged link is 4xx."""

from __future__ import annotations

from collections.abc import Callable

from litestar.testing import TestClient

from jobboard.mail.sender import deliver_queued
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.notifications.conftest import queued, stop_link, stoppable_mails, text_of
from tests.web.conftest import Fair, Visitor

SEEKER = "seeker@example.cn"


def _mail_to_the_candidate(fair: Fair, smtp_inbox: SmtpInbox) -> str:
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/invite")
    board = BoardPlugin.state_of(fair.app)
    deliver_queued(board.engine, board.settings)
    (mail,) = stoppable_mails(smtp_inbox, SEEKER)
    link = stop_link(mail)
    assert f"http://testserver.local{link}" in text_of(mail)  # the same link in the body, for any reader
    return link


def test_the_stop_link_works_without_signing_in_and_twice(
    fair: Fair, smtp_inbox: SmtpInbox, visitor: Callable[[], Visitor]
) -> None:
    link = _mail_to_the_candidate(fair, smtp_inbox)
    stranger = visitor()  # the mail may be read on another device: no session
    question = stranger.get(link)
    assert question.status_code == 200 and "停止接收此类邮件：我的投递进展" in question.text
    assert queued(fair.app, "application_update", SEEKER)  # opening the page stopped nothing yet
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/offer")
    assert len(queued(fair.app, "application_update", SEEKER)) == 2
    done = stranger.post(link)
    assert done.status_code == 200 and "已完成：网站不再向您发送此类邮件" in done.text
    assert stranger.post(link).status_code == 200  # again: the same answer, nothing more changes
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/hire")
    assert len(queued(fair.app, "application_update", SEEKER)) == 2
    assert "投递状态已更新为：已录用" in fair.seeker.get("/inbox").text  # the inbox still tells
    preferences = fair.seeker.get("/account/notifications").text
    assert 'value="application_update" checked' not in preferences


def test_a_mail_program_stops_it_with_one_post_and_no_cookie(fair: Fair, smtp_inbox: SmtpInbox) -> None:
    """RFC 8058: the mail program posts ``List-Unsubscribe=One-Click`` to the header's address."""
    link = _mail_to_the_candidate(fair, smtp_inbox)
    mail_program = TestClient(app=fair.app, base_url="http://testserver.local")  # no cookie, no CSRF token
    answer = mail_program.post(link, data={"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/offer")
    assert len(queued(fair.app, "application_update", SEEKER)) == 1


def test_a_forged_stop_link_is_refused_with_a_clear_page(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    stranger = visitor()
    for forged in ("/unsubscribe/forged-token", "/unsubscribe/" + "A" * 43):
        page = stranger.get(forged)
        assert page.status_code == 404 and "此退订链接无效" in page.text
        assert stranger.post(forged).status_code == 404
    english = stranger.get("/unsubscribe/forged", headers={"Accept-Language": "en"})
    assert "This link to stop mails is not valid." in english.text


def test_preferences_offer_only_the_mails_of_ones_role(fair: Fair) -> None:
    seeker = fair.seeker.get("/account/notifications").text
    assert 'value="application_update" checked' in seeker and "applicant_digest" not in seeker
    employer = fair.employer_a.get("/account/notifications").text
    assert 'value="applicant_digest" checked' in employer and "application_update" not in employer
    staff = fair.staff.get("/account/notifications").text
    assert 'value="review_digest" checked' in staff


def test_the_inbox_and_preferences_need_a_sign_in(visitor: Callable[[], Visitor]) -> None:
    stranger = visitor()
    for url in ("/inbox", "/account/notifications"):
        answer = stranger.get(url, follow_redirects=False)
        assert answer.status_code in (302, 303) and answer.headers["location"].startswith("/login")
    assert stranger.post("/inbox/read").status_code == 401
