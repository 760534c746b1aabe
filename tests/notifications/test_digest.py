"""Firm members hear of new applicants in one digest an interval, staff of what awaits review; each digest
is claimed in the database, so runners on every worker and node send it once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

from jobboard.core.clock import utcnow
from jobboard.mail.sender import deliver_queued
from jobboard.notifications.digest import send_digests
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.notifications.conftest import queued, stoppable_mails, text_of
from tests.web.conftest import Fair, Visitor

MEMBER = "hr@a.example.cn"


def _second_applicant(fair: Fair, visitor: Callable[[], Visitor], email: str = "zhang@example.cn") -> None:
    seeker = visitor()
    seeker.register_seeker(email, name="张伟")
    assert seeker.apply(fair.job_id).status_code == 200


def _digests(fair: Fair, minutes_later: int = 0) -> int:
    board = BoardPlugin.state_of(fair.app)
    return send_digests(board.engine, board.settings, utcnow() + timedelta(minutes=minutes_later))


def test_two_applications_within_the_interval_make_one_digest_and_a_second_run_sends_nothing(
    fair: Fair, visitor: Callable[[], Visitor], smtp_inbox: SmtpInbox
) -> None:
    _second_applicant(fair, visitor)
    assert "“激光器研发工程师”收到一份新投递。" in fair.employer_a.get("/inbox").text  # in-app at once
    _digests(fair)
    assert len(queued(fair.app, "applicant_digest", MEMBER)) == 1
    assert _digests(fair) == 0  # the second run: nothing new, and the interval has not passed
    board = BoardPlugin.state_of(fair.app)
    deliver_queued(board.engine, board.settings)
    (mail,) = stoppable_mails(smtp_inbox, MEMBER)
    text = text_of(mail)
    assert mail["Subject"] == "招聘会网站有 2 条新通知"
    assert text.count("“激光器研发工程师”收到一份新投递。") == 2
    assert f"http://testserver.local/employer/applications/{fair.application_id}" in text
    assert "张伟" not in text and "李明" not in text  # no applicant's name leaves the board in a digest
    assert mail["List-Unsubscribe"].startswith("<http://testserver.local/unsubscribe/")


def test_the_next_applicant_waits_for_the_interval(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    _digests(fair)
    _second_applicant(fair, visitor)
    assert _digests(fair, minutes_later=14) == 0
    assert len(queued(fair.app, "applicant_digest", MEMBER)) == 1
    _digests(fair, minutes_later=16)
    later = queued(fair.app, "applicant_digest", MEMBER)
    assert len(later) == 2 and later[1].context["count"] == 1


def test_two_runners_at_once_send_one_digest(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    """Four runners start together (threads here; workers and nodes share the database the same way)."""
    _second_applicant(fair, visitor)
    board = BoardPlugin.state_of(fair.app)
    now = utcnow()
    start = threading.Barrier(4)
    results: list[int] = []

    def run() -> None:
        start.wait()
        results.append(send_digests(board.engine, board.settings, now))

    runners = [threading.Thread(target=run) for _ in range(4)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=60)
    assert len(results) == 4
    mails = queued(fair.app, "applicant_digest", MEMBER)
    assert len(mails) == 1 and mails[0].context["count"] == 2
    assert len(queued(fair.app, "review_digest", "staff@fair.example.cn")) == 1
    assert sum(results) == 2  # the member's and the staff's, each claimed by one runner


def test_staff_hear_of_firms_and_jobs_waiting_for_review(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    newcomer = visitor()
    newcomer.register_employer("hr@c.example.cn", "长春丙卫星有限公司", segment="satellites", booth="B2-020")
    page = fair.staff.get("/inbox").text
    assert "长春丙卫星有限公司 等待审核。" in page
    assert "长春甲光电有限公司 提交了职位“激光器研发工程师”，等待审核。" in page
    _digests(fair)
    (mail,) = queued(fair.app, "review_digest", "staff@fair.example.cn")
    assert mail.context["count"] == 4  # the three firms that registered, and the job firm A submitted
    assert "长春丙卫星有限公司 等待审核。" in [item["sentence"] for item in mail.context["items"]]


def test_a_member_who_stopped_the_digest_gets_none_but_sees_the_inbox(
    fair: Fair, visitor: Callable[[], Visitor]
) -> None:
    fair.employer_a.post("/account/notifications", {})
    _second_applicant(fair, visitor)
    _digests(fair)
    assert queued(fair.app, "applicant_digest", MEMBER) == []
    assert fair.employer_a.get("/inbox").text.count("收到一份新投递") == 2
    fair.employer_a.post("/account/notifications", {"mail": "applicant_digest"})
    assert _digests(fair, minutes_later=30) == 0  # what the stopped digest held is not sent later
