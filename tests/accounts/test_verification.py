"""A new account proves its address before it applies or submits a job: the mail arrives over SMTP in the
language the person signed up in, its link verifies, signs in and goes back to the apply form."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar
from sqlmodel import col, select, update

from jobboard.accounts.models import AccountLink, User
from jobboard.core.clock import utcnow
from tests.accounts.conftest import link_in, mails_to, text_of
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import PASSWORD, Fair, Visitor, db

EN = {"Accept-Language": "en"}


def _sign_up(person: Visitor, email: str, next: str = "", **headers: str):
    form = {"email": email, "full_name": "王小明", "password": PASSWORD, "password_confirm": PASSWORD}
    if next:
        form["next"] = next
    return person.post("/register", form, headers=headers)


def _user(app: Litestar, email: str) -> User:
    with db(app) as session:
        return session.exec(select(User).where(User.email == email)).one()


def test_the_link_verifies_signs_in_and_returns_to_the_apply_form(
    app: Litestar, fair: Fair, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    apply_form = f"/jobs/{fair.job_id}/apply"
    answer = _sign_up(person, "new@example.cn", next=apply_form)
    assert answer.status_code == 200 and "请查收邮件" in answer.text
    assert person.get("/me/applications", follow_redirects=False).status_code in (302, 303)  # not yet in
    assert not _user(app, "new@example.cn").is_verified
    (mail,) = mails_to(app, smtp_inbox, "new@example.cn")
    assert mail["Subject"] == "请验证您在招聘会网站注册的邮箱" and "48 小时内有效" in text_of(mail)
    landed = person.get(link_in(mail))
    assert landed.status_code == 200 and landed.url.path == apply_form and 'name="resume"' in landed.text
    assert _user(app, "new@example.cn").is_verified
    assert person.apply(fair.job_id).status_code == 200


def test_the_mail_is_in_the_language_of_the_sign_up(app: Litestar, visitor, smtp_inbox: SmtpInbox) -> None:
    answer = _sign_up(visitor(), "anna@example.com", **EN)
    assert "Check your mail" in answer.text
    assert _user(app, "anna@example.com").language == "en"
    (mail,) = mails_to(app, smtp_inbox, "anna@example.com")
    assert mail["Subject"] == "Verify your e-mail address for the talent fair's job board"
    assert "within 48 hours" in text_of(mail)


def test_an_unverified_seeker_is_asked_to_verify_and_can_have_the_mail_again(
    app: Litestar, fair: Fair, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    _sign_up(person, "late@example.cn")
    assert person.login("late@example.cn").status_code == 200  # signing in is allowed
    apply_form = f"/jobs/{fair.job_id}/apply"
    for answer in (person.get(apply_form), person.apply(fair.job_id)):
        assert answer.status_code == 403 and "请验证您的邮箱" in answer.text
        assert 'action="/account/verify/resend"' in answer.text and f'value="{apply_form}"' in answer.text
    assert "Verify your e-mail address" in person.get(apply_form, headers=EN).text
    notice = person.get("/jobs").text  # every page says why, with the button
    assert "投递简历或提交职位审核之前，请打开我们发到 late@example.cn" in notice
    assert 'class="flash flash-info verify-notice"' in notice
    again = person.post("/account/verify/resend", {"next": apply_form})
    assert again.url.path == apply_form and "我们已重新向 late@example.cn 发送邮件" in again.text
    first, second = mails_to(app, smtp_inbox, "late@example.cn", 2)
    assert link_in(first) != link_in(second)
    assert person.get(link_in(second)).url.path == apply_form  # the new link returns to the job as well
    assert "verify-notice" not in person.get("/jobs").text
    assert person.apply(fair.job_id).status_code == 200


def test_sending_the_mail_again_is_limited(app: Litestar, visitor, smtp_inbox: SmtpInbox) -> None:
    person = visitor()
    _sign_up(person, "many@example.cn")  # the sign-up counts as the first of ten an hour
    person.login("many@example.cn")
    answers = [person.post("/account/verify/resend", follow_redirects=False).status_code for _ in range(10)]
    assert answers == [302] * 9 + [429]
    assert len(mails_to(app, smtp_inbox, "many@example.cn", 10)) == 10


def test_an_unverified_employer_saves_drafts_but_cannot_submit(
    app: Litestar, fair: Fair, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    form = {
        "email": "hr@new.example.cn", "contact_name": "王芳",
        "password": PASSWORD, "password_confirm": PASSWORD,
        "name_zh": "长春新光电有限公司", "segment": "optics", "city": "长春", "hall": "B2", "booth": "B2-040",
    }  # fmt: skip
    assert "请查收邮件" in person.post("/register/employer", form).text
    person.login("hr@new.example.cn")
    assert person.post_job("待验证的职位", intent="draft").status_code == 200
    refused = person.post_job("要提交的职位", intent="submit")
    assert refused.status_code == 403 and "请验证您的邮箱" in refused.text
    with db(app) as session:
        from jobboard.jobs.models import Job

        draft = session.exec(select(Job).where(Job.title == "待验证的职位")).one()
        assert session.exec(select(Job).where(Job.title == "要提交的职位")).first() is None
    assert person.post(f"/employer/jobs/{draft.id}/submit").status_code == 403
    (mail,) = mails_to(app, smtp_inbox, "hr@new.example.cn")
    assert person.get(link_in(mail)).url.path == "/employer"
    assert person.post(f"/employer/jobs/{draft.id}/submit").status_code == 200


def test_a_used_expired_or_forged_link_gets_a_clear_page(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    _sign_up(person, "once@example.cn")
    _sign_up(visitor(), "slow@example.cn")
    used, expired = (
        link_in(mails_to(app, smtp_inbox, email)[0]) for email in ("once@example.cn", "slow@example.cn")
    )
    assert person.get(used).status_code == 200
    with db(app) as session:
        slow = session.exec(select(User.id).where(User.email == "slow@example.cn")).one()
        session.execute(
            update(AccountLink)
            .where(col(AccountLink.user_id) == slow)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    stranger = visitor()
    for link, status, says in (
        (used, 410, "该链接已经用过"),
        (expired, 410, "该链接已过期"),
        (used.rsplit("=", 1)[0] + "=forged-token", 404, "这不是本网站发出的链接"),
        ("/account/verify", 404, "这不是本网站发出的链接"),
    ):
        answer = stranger.get(link, follow_redirects=False)
        assert answer.status_code == status and says in answer.text
    assert stranger.get("/me/applications", follow_redirects=False).status_code in (302, 303)
    assert not _user(app, "slow@example.cn").is_verified
