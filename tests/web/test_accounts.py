"""Registration, sign-in, sign-out, and how passwords and sessions are kept."""

from __future__ import annotations

from typing import Any

import redis
from litestar import Litestar
from sqlmodel import select

from jobboard.accounts.models import Role, User
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from jobboard.web.stores import SharedRedisStore
from tests.web.conftest import PASSWORD, Visitor


def test_registration_stores_an_argon2id_hash_and_signs_in(app: Litestar, visitor) -> None:
    person: Visitor = visitor()
    response = person.register_seeker("Li.Ming@Example.cn")
    assert response.status_code == 200 and response.url.path == "/jobs"
    with open_session(BoardPlugin.state_of(app).engine) as session:
        user = session.exec(select(User)).one()
    assert user.email == "li.ming@example.cn" and user.role == Role.SEEKER
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert person.get("/me/applications").status_code == 200


def test_session_id_changes_at_login_and_logout(visitor) -> None:
    first = visitor()
    first.register_seeker("a@example.cn")
    first.post("/logout")
    person: Visitor = visitor()
    person.client.cookies.set(
        "session", "a" * 64, domain="testserver.local", path="/"
    )  # planted by an attacker
    person.login("a@example.cn")
    signed_in_id = person.client.cookies.get("session")
    assert signed_in_id not in (None, "a" * 64)
    assert person.get("/me/applications").status_code == 200
    person.post("/logout")
    assert person.client.cookies.get("session") != signed_in_id
    assert person.get("/me/applications", follow_redirects=False).status_code in (302, 303)


def test_wrong_password_is_refused_with_a_message(visitor) -> None:
    visitor().register_seeker("b@example.cn")
    person = visitor()
    for email in ("b@example.cn", "nobody@example.cn"):
        response = person.post("/login", {"email": email, "password": "wrong password"})
        assert response.status_code == 400
        assert "密码错误" in response.text or "Wrong e-mail address or password" in response.text


def test_registration_errors_keep_what_was_typed(visitor) -> None:
    person = visitor()
    response = person.post(
        "/register",
        {
            "email": "not-an-email",
            "full_name": "张三",
            "password": "short",
            "password_confirm": "short",
        },
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 400
    assert 'value="张三"' in response.text and 'value="not-an-email"' in response.text
    assert "Enter a valid e-mail address." in response.text
    assert "Use at least 8 characters." in response.text
    assert 'value="short"' not in response.text  # passwords are never echoed back


def test_a_taken_address_makes_no_second_account_and_signs_no_one_in(app: Litestar, visitor) -> None:
    visitor().register_seeker("dup@example.cn")
    person: Visitor = visitor()
    response = person.register_seeker("DUP@example.cn", name="冒名")
    assert response.status_code == 200 and "请查收邮件" in response.text  # as for a new address
    assert person.get("/me/applications", follow_redirects=False).status_code in (302, 303)
    with open_session(BoardPlugin.state_of(app).engine) as session:
        (user,) = session.exec(select(User)).all()
    assert user.full_name == "李明"


def test_login_redirects_only_to_same_site_paths(visitor) -> None:
    visitor().register_seeker("c@example.cn")
    person = visitor()
    response = person.post(
        "/login",
        {"email": "c@example.cn", "password": PASSWORD, "next": "//evil.example.com/x"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/me/applications"


def test_employer_registration_creates_a_pending_company(app: Litestar, visitor) -> None:
    from jobboard.companies.models import Company, CompanyStatus

    person = visitor()
    response = person.register_employer("hr@c.example.cn", "长春丙光学有限公司", name_en="Bing Optics")
    assert response.status_code == 200
    with open_session(BoardPlugin.state_of(app).engine) as session:
        company = session.exec(select(Company)).one()
        user = session.exec(select(User)).one()
    assert company.status == CompanyStatus.PENDING and company.name_en == "Bing Optics"
    assert user.role == Role.EMPLOYER and user.company_id == company.id
    again = visitor().register_employer("hr2@c.example.cn", "长春丙光学有限公司")
    assert again.status_code == 400


def _session_cookies(response: Any) -> list[str]:
    return [value for value in response.headers.get_list("set-cookie") if value.startswith("session=")]


def _stored_sessions(app: Litestar) -> int:
    """Sessions in the store: files by default, keys under the board's namespace with Redis."""
    store = app.stores.get("sessions")
    if isinstance(store, SharedRedisStore):
        client = redis.Redis.from_url(store.url)
        try:
            return sum(1 for _ in client.scan_iter(f"{store.namespace}:*"))
        finally:
            client.close()
    # The file store of the embedded default.
    folder = BoardPlugin.state_of(app).settings.upload_dir.parent / "sessions"
    return sum(1 for path in folder.glob("*") if path.is_file()) if folder.exists() else 0


def test_anonymous_visitors_get_no_session(app: Litestar, visitor) -> None:
    person: Visitor = visitor()
    for path in ("/", "/jobs?q=激光", "/login"):
        assert _session_cookies(person.get(path)) == []
    assert person.client.cookies.get("session") is None
    assert _stored_sessions(app) == 0


def test_an_unchanged_session_is_not_written_back(app: Litestar, visitor) -> None:
    person: Visitor = visitor()
    person.register_seeker("b@example.cn")
    signed_in_id = person.client.cookies.get("session")
    assert _stored_sessions(app) == 1
    response = person.get("/me/applications")
    assert response.status_code == 200 and _session_cookies(response) == []
    assert person.client.cookies.get("session") == signed_in_id
    person.post("/logout", follow_redirects=False)  # a new session holds only "You have logged out."
    assert person.client.cookies.get("session") not in (None, signed_in_id)
    shown = person.get("/")  # the message is shown: the session is empty, and gone
    assert "Max-Age=0" in " ".join(_session_cookies(shown)) or "expires=" in " ".join(_session_cookies(shown))
    assert _stored_sessions(app) == 0
