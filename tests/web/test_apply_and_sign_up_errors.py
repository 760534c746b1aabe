"""After an error the apply form comes back as it was left (and says the file must be chosen again); a
sign-up takes a phone number someone can call: a mainland mobile, or an international number in E.164."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar
from sqlmodel import select

from jobboard.accounts.models import User
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair

EN = {"Accept-Language": "en"}
CONSENT_BOX = re.compile(r'<input type="checkbox" name="consent"[^>]*>')


def _consent_box(html: str) -> str:
    match = CONSENT_BOX.search(html)
    assert match is not None
    return match.group(0)


def test_after_an_error_the_consent_box_comes_back_ticked_and_the_file_is_asked_for_again(
    fair: Fair, visitor
) -> None:
    person = visitor()
    person.register_seeker("again@example.cn")
    response = person.apply(fair.job_id, cover_letter="x" * 5001, headers=EN)
    assert response.status_code == 400
    assert " checked" in _consent_box(response.text)
    assert "Please choose the file again" in response.text
    zh = person.apply(fair.job_id, cover_letter="x" * 5001)
    assert "请重新选择简历文件" in zh.text


def test_a_box_left_unticked_comes_back_unticked(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("unticked@example.cn")
    response = person.apply(fair.job_id, consent=False)
    assert response.status_code == 400 and " checked" not in _consent_box(response.text)


def test_a_bad_file_is_named_by_its_own_error_not_the_reminder(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("badfile@example.cn")
    response = person.apply(fair.job_id, content=b"not a pdf", headers=EN)
    assert "This file is not a PDF document." in response.text
    assert "Please choose the file again" not in response.text


def _stored_phone(app: Litestar, email: str) -> str:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return session.exec(select(User.phone).where(User.email == email)).one()


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13912345678", "13912345678"),
        ("139 1234 5678", "13912345678"),
        ("+86 139-1234-5678", "+8613912345678"),
        ("+49 (30) 1234567", "+49301234567"),
        ("+1 415 555 0100", "+14155550100"),
    ],
)
def test_mainland_mobiles_and_international_numbers_are_accepted(
    app: Litestar, visitor, typed: str, kept: str
) -> None:
    response = visitor().register_seeker("phone@example.cn", phone=typed)
    assert response.status_code == 200 and response.url.path == "/jobs"
    assert _stored_phone(app, "phone@example.cn") == kept


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "1391234567",
        "139123456789",
        "12912345678",
        "+86 1234 5678",
        "+4912",
        "+0123456789",
        "0049301234567",
    ],
)
def test_numbers_nobody_can_call_are_refused_with_a_clear_message(visitor, typed: str) -> None:
    person = visitor()
    response = person.register_seeker("p@example.cn", phone=typed)
    assert response.status_code == 400 and "11 位中国大陆手机号码" in response.text
    english = person.post("/register", {"email": "p@example.cn", "phone": typed}, headers=EN)
    assert "Enter a mainland mobile number (11 digits, starting with 1)" in english.text


def test_the_phone_stays_optional(app: Litestar, visitor) -> None:
    assert visitor().register_seeker("nophone@example.cn", phone="").status_code == 200
    assert _stored_phone(app, "nophone@example.cn") == ""
