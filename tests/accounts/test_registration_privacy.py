"""Registration tells no one whether an address has an account: the same page and status either way; the
address's owner hears by mail, and no second account is made."""

from __future__ import annotations

import re

from litestar import Litestar
from sqlmodel import func, select

from jobboard.accounts.models import User
from jobboard.companies.models import Company
from tests.accounts.conftest import mails_to, text_of
from tests.mail.smtp import SmtpInbox
from tests.web.conftest import PASSWORD, Visitor, db

_CSRF = re.compile(r'name="_csrf_token" value="[^"]*"')


def _page(answer) -> str:
    return _CSRF.sub("", answer.text)  # each browser has its own token: the rest must be the same


def _sign_up(person: Visitor, email: str, name: str, password: str = PASSWORD):
    form = {"email": email, "full_name": name, "password": password, "password_confirm": password}
    return person.post("/register", form, follow_redirects=False)


def test_a_known_address_gets_the_same_answer_and_its_owner_a_mail(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    visitor().register_seeker("li.ming@example.cn")
    new = _sign_up(visitor(), "someone@example.cn", "张三")
    known = _sign_up(visitor(), "li.ming@example.cn", "张三", password="another long pass")
    assert (new.status_code, known.status_code) == (200, 200)
    assert _page(known) == _page(new).replace("someone@example.cn", "li.ming@example.cn")
    assert known.cookies.get("session") is None and new.cookies.get("session") is None  # nobody signed in
    _, mail = mails_to(app, smtp_inbox, "li.ming@example.cn", 2)  # the first verified the account
    assert mail["Subject"] == "您已在招聘会网站注册过账户"
    text = text_of(mail)
    assert "李明" in text and "http://testserver.local/login" in text
    assert "http://testserver.local/account/forgot" in text and "token=" not in text
    with db(app) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == 2  # li.ming and someone
        owner = session.exec(select(User).where(User.email == "li.ming@example.cn")).one()
    assert owner.full_name == "李明"
    assert visitor().login("li.ming@example.cn", "another long pass").status_code == 400  # unchanged


def test_an_employer_sign_up_with_a_known_address_makes_no_firm(
    app: Litestar, visitor, smtp_inbox: SmtpInbox
) -> None:
    visitor().register_seeker("li.ming@example.cn")
    answer = visitor().register_employer("li.ming@example.cn", "长春冒名光电有限公司")
    assert answer.status_code == 200 and "请查收邮件" in answer.text
    mail = mails_to(app, smtp_inbox, "li.ming@example.cn", 2)[1]
    assert "没有创建第二个账户" in text_of(mail)
    with db(app) as session:
        assert session.exec(select(Company)).first() is None
