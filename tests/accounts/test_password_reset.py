"""A forgotten password, end to end over SMTP: the mail's link (single use, 60 minutes, void once the
password changes) sets a new password, ends every session of the account and signs in here."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar
from sqlmodel import col, select, update

from jobboard.accounts.models import AccountLink, LinkPurpose, User
from jobboard.core.clock import utcnow
from tests.accounts.conftest import link_in, mails_to, text_of
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import Visitor, db

NEW_PASSWORD = "a new phrase for the fair"


def _forgot(person: Visitor, email: str, **headers: str):
    return person.post("/account/forgot", {"email": email}, headers=headers)


def _reset(person: Visitor, link: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    page = person.get(link)
    assert page.status_code == 200 and page.headers["referrer-policy"] == "no-referrer"
    token = link.split("token=", 1)[1]
    form = {
        "token": token,
        "password": password,
        "password_confirm": password if confirm is None else confirm,
    }
    return person.post("/account/reset", form, follow_redirects=False)


def _reset_links(app: Litestar) -> None:
    with db(app) as session:
        session.execute(
            update(AccountLink)
            .where(col(AccountLink.purpose) == LinkPurpose.RESET_PASSWORD)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()


def test_reset_by_mail_ends_every_session_and_signs_in_here(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    on_the_laptop = visitor()
    on_the_laptop.register_seeker("li.ming@example.cn")
    assert on_the_laptop.get("/me/applications").status_code == 200
    on_the_phone = visitor()
    answer = _forgot(on_the_phone, "Li.Ming@example.cn")
    assert answer.status_code == 200 and "请查收邮件" in answer.text and "60 分钟内有效" in answer.text
    mail = mails_to(app, smtp_inbox, "li.ming@example.cn", 2)[1]  # after the verification mail
    assert mail["Subject"] == "为招聘会网站设置新密码" and "60 分钟内有效" in text_of(mail)
    link = link_in(mail)
    assert _reset(on_the_phone, link, confirm="something else").status_code == 400  # the link still works
    done = _reset(on_the_phone, link)
    assert done.status_code == 302 and done.headers["location"] == "/me/applications"
    assert on_the_phone.get("/me/applications").status_code == 200  # signed in here
    assert on_the_laptop.get("/me/applications", follow_redirects=False).status_code in (302, 303)  # ended
    assert visitor().login("li.ming@example.cn").status_code == 400  # the old password is gone
    assert visitor().login("li.ming@example.cn", NEW_PASSWORD).status_code == 200
    reused = visitor().get(link)
    assert reused.status_code == 410 and "该链接已经用过" in reused.text
    again = visitor().post("/account/reset", {"token": link.split("token=")[1], "password": "x" * 12})
    assert again.status_code == 410


def test_a_reset_link_is_void_after_60_minutes_or_any_password_change(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    person.register_seeker("li.ming@example.cn")
    _forgot(visitor(), "li.ming@example.cn")
    _forgot(visitor(), "li.ming@example.cn")
    _, first, second = mails_to(app, smtp_inbox, "li.ming@example.cn", 3)
    assert _reset(visitor(), link_in(second)).status_code == 302
    replaced = visitor().get(link_in(first))
    assert replaced.status_code == 410 and "密码已经修改过" in replaced.text
    _forgot(visitor(), "li.ming@example.cn")
    late = link_in(mails_to(app, smtp_inbox, "li.ming@example.cn", 4)[3])
    _reset_links(app)
    expired = visitor().get(late, headers={"Accept-Language": "en"})
    assert expired.status_code == 410 and "It has expired." in expired.text
    assert 'href="/account/forgot"' in expired.text


def test_a_forged_link_is_refused_and_nothing_changes(app: Litestar, visitor, smtp_inbox: SmtpInbox) -> None:
    visitor().register_seeker("li.ming@example.cn")
    for token in ("forged", "", "%00" * 10):
        page = visitor().get(f"/account/reset?token={token}")
        assert page.status_code == 404 and "这不是本网站发出的链接" in page.text
    posted = visitor().post(
        "/account/reset", {"token": "forged", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    )
    assert posted.status_code == 404
    with db(app) as session:
        assert session.exec(select(User.session_generation)).one() == 0


def test_forgot_tells_nothing_about_the_address(app: Litestar, visitor, smtp_inbox: SmtpInbox) -> None:
    visitor().register_seeker("li.ming@example.cn")
    known = _forgot(visitor(), "li.ming@example.cn")
    unknown = _forgot(visitor(), "nobody@example.cn")
    assert known.status_code == unknown.status_code == 200
    strip = lambda answer: answer.text.split("<main", 1)[1].split("</main>", 1)[0]  # noqa: E731
    assert strip(known).replace("li.ming@example.cn", "X") == strip(unknown).replace("nobody@example.cn", "X")
    mails_to(app, smtp_inbox, "li.ming@example.cn", 2)
    assert smtp_inbox.to("nobody@example.cn") == []
    bad = _forgot(visitor(), "not an address", **{"Accept-Language": "en"})
    assert bad.status_code == 400 and "Enter a valid e-mail address." in bad.text
