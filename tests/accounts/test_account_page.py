"""/account: a new password needs the current one and ends the other sessions; the language of the mails;
what a new password may be (kept as typed, none of the commonest)."""

from __future__ import annotations

from litestar import Litestar
from sqlmodel import select

from jobboard.accounts.models import User
from jobboard.accounts.passwords import common_passwords
from tests.accounts.conftest import mails_to
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import PASSWORD, Visitor, db

EN = {"Accept-Language": "en"}


def _change(person: Visitor, current: str, new: str, confirm: str | None = None, **headers: str):
    form = {
        "current_password": current,
        "password": new,
        "password_confirm": new if confirm is None else confirm,
    }
    return person.post("/account/password", form, headers=headers)


def test_changing_the_password_ends_the_other_sessions_only(visitor) -> None:
    here = visitor()
    here.register_seeker("li.ming@example.cn")
    elsewhere = visitor()
    elsewhere.login("li.ming@example.cn")
    assert "我的账户" in here.get("/account").text
    wrong = _change(here, "not my password", "a new phrase for the fair", **EN)
    assert wrong.status_code == 400 and "This is not your current password." in wrong.text
    changed = _change(here, PASSWORD, "a new phrase for the fair")
    assert changed.status_code == 200 and changed.url.path == "/account" and "密码已修改" in changed.text
    assert here.get("/me/applications").status_code == 200
    assert elsewhere.get("/me/applications", follow_redirects=False).status_code in (302, 303)
    assert visitor().login("li.ming@example.cn", "a new phrase for the fair").status_code == 200


def test_the_commonest_passwords_are_refused_everywhere(visitor) -> None:
    assert len(common_passwords()) >= 10_000 and "password1" in common_passwords()
    person = visitor()
    form = {
        "email": "a@example.cn",
        "full_name": "张三",
        "password": "Password1",
        "password_confirm": "Password1",
    }
    refused = person.post("/register", form, headers=EN)
    assert refused.status_code == 400 and "one of the commonest passwords" in refused.text
    assert "最常见的密码之一" in person.post("/register", form).text
    person.register_seeker("li.ming@example.cn")
    assert _change(person, PASSWORD, "iloveyou1").status_code == 400
    assert _change(person, PASSWORD, "short").status_code == 400
    assert "两次输入的密码不一致" in _change(person, PASSWORD, "a new phrase", confirm="a new phrasE").text


def test_a_password_is_kept_exactly_as_typed(visitor) -> None:
    person = visitor()
    person.register_seeker("li.ming@example.cn")
    assert _change(person, PASSWORD, "  spaces around me  ").status_code == 200
    assert visitor().login("li.ming@example.cn", "spaces around me").status_code == 400
    assert visitor().login("li.ming@example.cn", "  spaces around me  ").status_code == 200


def test_the_language_of_the_mails_is_chosen_on_the_account_page(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    person.register_seeker("li.ming@example.cn")
    page = person.get("/account")
    assert 'name="language"' in page.text and '<option value="zh" selected>' in page.text
    saved = person.post("/account/language", {"language": "en"})
    assert saved.status_code == 200 and "English" in saved.text
    with db(app) as session:
        assert session.exec(select(User.language)).one() == "en"
    person.post("/account/forgot", {"email": "li.ming@example.cn"})  # asked on a Chinese page
    mail = mails_to(app, smtp_inbox, "li.ming@example.cn", 2)[1]
    assert mail["Subject"] == "Choose a new password for the talent fair's job board"
    assert person.post("/account/language", {"language": "fr"}).status_code == 400


def test_the_account_page_is_for_signed_in_people(visitor) -> None:
    person = visitor()
    assert person.get("/account", follow_redirects=False).headers["location"] == "/login?next=/account"
    assert person.post("/account/password", {"password": "x"}).status_code == 401
