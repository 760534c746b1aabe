"""The candidate hears of each step of their application: in the inbox (with the unread count in the
header) and by mail, with the firm's message and, invited to an interview, its time and place."""

from __future__ import annotations

from datetime import datetime, timedelta

from jobboard.applications.models import ApplicationStatus
from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.mail.sender import deliver_queued
from jobboard.plugin import BoardPlugin
from tests.mail.smtp import SmtpInbox
from tests.notifications.conftest import queued, stoppable_mails, text_of
from tests.web.conftest import Fair, db

SEEKER = "seeker@example.cn"
UNREAD_BADGE = '<span class="badge badge-unread">'


def _in_two_days() -> datetime:
    return (datetime.now(FAIR_TIMEZONE) + timedelta(days=2)).replace(
        hour=14, minute=30, second=0, microsecond=0
    )


def _invite(fair: Fair, **fields: str) -> object:
    return fair.employer_a.post(f"/employer/applications/{fair.application_id}/invite", fields)


def _deliver(fair: Fair) -> None:
    board = BoardPlugin.state_of(fair.app)
    deliver_queued(board.engine, board.settings)


def test_an_invitation_reaches_the_candidate_with_the_message_time_and_place(
    fair: Fair, smtp_inbox: SmtpInbox
) -> None:
    moment = _in_two_days()
    answer = _invite(
        fair,
        interview_at=moment.strftime("%Y-%m-%dT%H:%M"),
        place="B2-016 展位",
        message="请带上作品集。",
    )
    assert answer.status_code == 200
    _deliver(fair)
    (mail,) = stoppable_mails(smtp_inbox, SEEKER)
    text = text_of(mail)
    assert "长春甲光电有限公司：您对“激光器研发工程师”的投递状态已更新为：面试。" in text
    assert mail["Subject"] == "长春甲光电有限公司：您对“激光器研发工程师”的投递状态已更新为：面试。"
    assert f"面试时间：{moment.year}年{moment.month}月{moment.day}日 14:30（长春时间）" in text
    assert "面试地点：B2-016 展位" in text and "企业留言：\n请带上作品集。" in text
    assert mail["List-Unsubscribe"].startswith("<http://testserver.local/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page = fair.seeker.get("/inbox").text
    assert "投递状态已更新为：面试" in page and "请带上作品集。" in page and "B2-016 展位" in page
    assert f"{UNREAD_BADGE}1<" in page  # the header's unread count
    assert fair.seeker.post("/inbox/read").status_code == 200
    assert UNREAD_BADGE not in fair.seeker.get("/jobs").text


def test_every_step_of_the_firm_is_told_and_a_withdrawal_is_not(fair: Fair, smtp_inbox: SmtpInbox) -> None:
    fair.employer_a.get(f"/employer/applications/{fair.application_id}")  # opening it: viewed
    _invite(fair)
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/offer", {"message": "欢迎加入"})
    assert len(queued(fair.app, "application_update", SEEKER)) == 3
    page = fair.seeker.get("/jobs", headers={"Accept-Language": "en"}).text
    assert f"{UNREAD_BADGE}3<" in page
    inbox = fair.seeker.get("/inbox", headers={"Accept-Language": "en"}).text
    assert inbox.index("is now: Offer") < inbox.index("is now: Interview") < inbox.index("is now: Viewed")
    fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw")
    assert len(queued(fair.app, "application_update", SEEKER)) == 3


def test_an_interview_in_the_past_or_an_unreadable_time_is_refused_and_nothing_changes(fair: Fair) -> None:
    past = (datetime.now(FAIR_TIMEZONE) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    answer = _invite(fair, interview_at=past, place="B2-016", message="请准时")
    assert answer.status_code == 400 and "面试时间必须晚于现在。" in answer.text
    assert "请准时" in answer.text  # what was typed comes back
    answer = fair.employer_a.post(
        f"/employer/applications/{fair.application_id}/invite",
        {"interview_at": "next tuesday"},
        headers={"Accept-Language": "en"},
    )
    assert answer.status_code == 400 and "Enter the interview&#39;s date and time" in answer.text
    with db(fair.app) as session:
        from jobboard.applications.models import Application

        application = session.get(Application, fair.application_id)
        assert application is not None and application.status == ApplicationStatus.SUBMITTED
    assert queued(fair.app, "application_update", SEEKER) == []


def test_with_the_mail_stopped_the_inbox_still_tells(fair: Fair) -> None:
    assert fair.seeker.post("/account/notifications", {}).status_code == 200  # every box unticked
    assert (
        'name="mail" value="application_update" checked' not in fair.seeker.get("/account/notifications").text
    )
    _invite(fair, message="请带上作品集。")
    assert queued(fair.app, "application_update", SEEKER) == []
    assert "请带上作品集。" in fair.seeker.get("/inbox").text
    fair.seeker.post("/account/notifications", {"mail": "application_update"})
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/offer")
    assert len(queued(fair.app, "application_update", SEEKER)) == 1


def test_only_the_recipient_marks_a_notification_read(fair: Fair) -> None:
    _invite(fair)
    with db(fair.app) as session:
        from sqlmodel import select

        from jobboard.notifications.models import Notification, NotificationKind

        (notification_id,) = session.exec(
            select(Notification.id).where(Notification.kind == NotificationKind.APPLICATION_STEP)
        ).all()
    assert fair.employer_b.post(f"/inbox/{notification_id}/read").status_code == 404
    assert f"{UNREAD_BADGE}1<" in fair.seeker.get("/jobs").text
    assert fair.seeker.post(f"/inbox/{notification_id}/read").status_code == 200
    assert UNREAD_BADGE not in fair.seeker.get("/inbox").text
