"""Signing up or in from "Apply" comes back to the apply form (through the verification link when signing
up); only paths of this site are followed."""

from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORD, Fair

REFUSED = [
    "//evil.example/jobs/1/apply",
    "http://evil.example/",
    "https://evil.example/jobs/1/apply",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",  # browsers drop the tab: //evil.example
    "/\n/evil.example",
    "javascript:alert(1)",
    "evil.example",
]


def _sign_up(person, next: str | None, **extra: str):
    form = {
        "email": "new@example.cn",
        "full_name": "王小明",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        **extra,
    }
    if next is not None:
        form["next"] = next
    return person.post("/register", form, follow_redirects=False)


def _verified(person, answer):
    """Where the verification link of a sign-up leads (its redirect, not followed)."""
    assert answer.status_code == 200 and "请查收邮件" in answer.text
    return person.verify("new@example.cn", answer).history[0].headers["location"]


def test_apply_as_a_visitor_asks_to_sign_in_and_says_why(fair: Fair, visitor) -> None:
    person = visitor()
    answer = person.get(f"/jobs/{fair.job_id}/apply", follow_redirects=False)
    assert answer.headers["location"] == f"/login?next=/jobs/{fair.job_id}/apply"
    page = person.get(answer.headers["location"])
    assert "登录后即可投递" in page.text
    assert (
        "Sign in to apply" in person.get(answer.headers["location"], headers={"Accept-Language": "en"}).text
    )
    assert f'href="/register?next=/jobs/{fair.job_id}/apply"' in page.text  # sign-up keeps the job
    assert "登录后即可投递" not in person.get("/login?next=/me/applications").text


def test_signing_up_from_apply_returns_to_the_apply_form(fair: Fair, visitor) -> None:
    person = visitor()
    page = person.get(f"/register?next=/jobs/{fair.job_id}/apply")
    assert f'name="next" value="/jobs/{fair.job_id}/apply"' in page.text
    location = _verified(person, _sign_up(person, f"/jobs/{fair.job_id}/apply"))
    assert location == f"/jobs/{fair.job_id}/apply"
    assert 'name="resume"' in person.get(location).text


def test_a_failed_sign_up_keeps_where_it_returns_to(fair: Fair, visitor) -> None:
    person = visitor()
    page = _sign_up(person, f"/jobs/{fair.job_id}/apply", password_confirm="something else")
    assert page.status_code == 400
    assert f'name="next" value="/jobs/{fair.job_id}/apply"' in page.text


def test_sign_up_without_next_goes_to_the_jobs(visitor) -> None:
    person = visitor()
    assert _verified(person, _sign_up(person, None)) == "/jobs"


@pytest.mark.parametrize("target", REFUSED)
def test_sign_up_refuses_to_send_anyone_elsewhere(target: str, visitor) -> None:
    person = visitor()
    assert 'name="next"' not in person.get("/register", params={"next": target}).text
    assert _verified(person, _sign_up(person, target)) == "/jobs"


@pytest.mark.parametrize("target", REFUSED)
def test_sign_in_refuses_to_send_anyone_elsewhere(target: str, visitor) -> None:
    visitor().register_seeker("c@example.cn")
    person = visitor()
    assert 'name="next"' not in person.get("/login", params={"next": target}).text
    answer = person.post(
        "/login", {"email": "c@example.cn", "password": PASSWORD, "next": target}, follow_redirects=False
    )
    assert answer.headers["location"] == "/me/applications"
