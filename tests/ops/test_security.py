"""Secure cookies over HTTPS, allowed hosts, and body-size limits."""

from __future__ import annotations

import socket
from collections.abc import Callable
from http.cookies import SimpleCookie

import pytest

from jobboard.core.settings import SERVE_ADDRESS_VARIABLE, Settings
from tests.ops.conftest import PASSWORD, Fair, Visitor
from tests.web.conftest import pdf_bytes

HTTPS = "https://jobs.example.cn"


def _cookies(response) -> dict[str, dict[str, str | bool]]:  # type: ignore[no-untyped-def]
    """Each Set-Cookie of a response: name -> its attributes (lower-case)."""
    found: dict[str, dict[str, str | bool]] = {}
    for header in response.headers.get_list("set-cookie"):
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            found[name] = {key: value for key, value in morsel.items() if value}
            found[name]["_raw"] = header
    return found


# Cookies


def test_over_https_cookies_are_secure_host_only_and_named_host(board_with: Callable) -> None:
    _, client = board_with(base_url=HTTPS)
    page = client.get("/login")
    csrf = _cookies(page)["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"].lower() == "lax" and csrf["path"] == "/"
    assert "domain" not in csrf
    token = client.cookies.get("__Host-csrftoken")
    answer = client.post(
        "/register",
        data={"email": "tls@example.cn", "full_name": "李明", "password": PASSWORD,
              "password_confirm": PASSWORD, "_csrf_token": token},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 200 and "__Host-session" not in _cookies(answer)  # "check your mail"
    answer = client.post(
        "/login",
        data={"email": "tls@example.cn", "password": PASSWORD, "_csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code in (302, 303), answer.text
    session = _cookies(answer)["__Host-session"]
    assert session["secure"] and session["httponly"] and session["samesite"].lower() == "lax"
    assert session["path"] == "/" and "domain" not in session
    assert "session" not in _cookies(answer) and "csrftoken" not in _cookies(page)
    # signed in under the __Host- name; signing in again replaces the session id
    assert client.get("/me/applications", follow_redirects=False).status_code == 200
    first = client.cookies.get("__Host-session")
    again = client.post(
        "/login", data={"email": "tls@example.cn", "password": PASSWORD, "_csrf_token": token}
    )
    assert again.status_code == 200 and client.cookies.get("__Host-session") != first
    language = _cookies(client.get("/jobs?lang=en"))
    assert language["lang"]["secure"] and language["lang"]["httponly"]


def test_over_http_cookies_keep_plain_names_and_stay_http_only(visitor: Callable[[], Visitor]) -> None:
    person = visitor()
    page = person.get("/login")
    assert "csrftoken" in person.client.cookies
    answer = person.register_seeker("plain@example.cn")
    assert answer.status_code == 200
    assert person.client.cookies.get("session")
    for response in (page, *answer.history):
        for name, attributes in _cookies(response).items():
            assert attributes["httponly"], name
            assert not attributes.get("secure"), name  # a browser would drop a Secure cookie over http


# Hosts


def test_host_names_default_to_the_base_url_and_loopback() -> None:
    hosts = Settings(base_url="http://jobs.example.cn:8000").host_names
    assert {
        "jobs.example.cn",
        "jobs.example.cn:8000",
        "localhost:8000",
        "127.0.0.1:8000",
        "[::1]:8000",
    } <= set(hosts)
    assert Settings(base_url=HTTPS, allowed_hosts=("jobs.example.cn", "*.fair.example.cn")).host_names == [
        "jobs.example.cn",
        "*.fair.example.cn",
    ]
    assert Settings(allowed_hosts=("*",)).host_names == ["*"]


def test_where_serve_binds_is_allowed_and_an_explicit_list_still_wins() -> None:
    served = Settings(served_at=("10.1.2.3", 9000)).host_names
    assert {"10.1.2.3:9000", "localhost:9000", "127.0.0.1:9000", "[::1]:9000", "10.1.2.3"} <= set(served)
    assert "evil.example.cn:9000" not in served
    explicit = Settings(served_at=("10.1.2.3", 9000), allowed_hosts=("jobs.example.cn",)).host_names
    assert "10.1.2.3:9000" not in explicit and "jobs.example.cn:9000" in explicit
    everywhere = Settings(served_at=("0.0.0.0", 9000)).host_names  # every interface: this machine's names
    assert f"{socket.gethostname()}:9000" in everywhere and "0.0.0.0:9000" not in everywhere


def test_without_a_base_url_links_point_where_the_board_is_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBBOARD_BASE_URL", raising=False)
    monkeypatch.setenv("JOBBOARD_SECRET_KEY", "k" * 40)
    monkeypatch.setenv(SERVE_ADDRESS_VARIABLE, "0.0.0.0:9000")
    assert Settings.from_env().base_url == "http://127.0.0.1:9000"
    monkeypatch.setenv("JOBBOARD_BASE_URL", "https://jobs.example.cn")
    assert Settings.from_env().base_url == "https://jobs.example.cn"


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("jobs.example.cn", 200),
        ("jobs.example.cn:8000", 200),
        ("localhost:8000", 200),
        ("127.0.0.1:8000", 200),
        ("evil.example.cn", 400),
        ("jobs.example.cn.evil.example", 400),
    ],
)
def test_only_allowed_hosts_are_served(board_with: Callable, host: str, status: int) -> None:
    _, client = board_with(base_url="http://jobs.example.cn:8000")
    assert client.get("/jobs", headers={"Host": host}).status_code == status
    assert client.get("/healthz", headers={"Host": host}).status_code == 200  # probes use any name


def test_configured_hosts_replace_the_defaults(board_with: Callable) -> None:
    _, client = board_with(base_url=HTTPS, allowed_hosts=("jobs.example.cn", "*.fair.example.cn"))
    assert client.get("/jobs", headers={"Host": "b2.fair.example.cn"}).status_code == 200
    assert client.get("/jobs", headers={"Host": "localhost"}).status_code == 400


# Body sizes


def test_one_megabyte_is_the_limit_of_ordinary_forms(visitor: Callable[[], Visitor]) -> None:
    person = visitor()
    answer = person.post("/login", {"email": "a@example.cn", "password": "x" * 1_100_000})
    assert answer.status_code == 413


def test_the_resume_route_takes_five_megabytes(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    person = visitor()
    person.register_seeker("big@example.cn")
    nearly_five = pdf_bytes() + b"%" + b"0" * (5 * 1024 * 1024 - len(pdf_bytes()) - 100) + b"\n"
    assert 1_000_000 < len(nearly_five) <= 5 * 1024 * 1024
    assert person.apply(fair.job_id, content=nearly_five).status_code == 200
    six = nearly_five + b"0" * 1_000_000
    assert visitor().apply(fair.job_id, content=six).status_code in (400, 413)


def test_the_staff_import_route_takes_more_than_one_megabyte(staff: Visitor) -> None:
    from tests.web.conftest import upload

    table = ("单位名称,岗位名称\n" + "某公司,工程师\n" * 120_000).encode()
    assert len(table) > 1_000_000
    answer = upload(staff, "岗位信息表.csv", table)
    assert answer.status_code != 413
