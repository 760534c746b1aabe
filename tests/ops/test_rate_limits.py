"""Rate limits on sign-in, sign-up and applying: per account and per client address, the address being
the one the configured proxies report; a spoofed X-Forwarded-For resets nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar, post
from litestar.testing import TestClient
from litestar.types import ASGIApp, Receive, Scope, Send

from jobboard.core.settings import Settings
from jobboard.plugin import BoardPlugin
from jobboard.web.ratelimit import client_address, parse_networks, rate_limited
from tests.ops.conftest import PASSWORD, Fair, Visitor

PROXIES = parse_networks(["10.0.0.0/8", "::1"])


@pytest.fixture
def changes() -> dict[str, Any]:
    """Settings this test's board differs in (tests parametrize it)."""
    return {}


@pytest.fixture
def settings(settings: Settings, changes: dict[str, Any]) -> Settings:
    return replace(settings, **changes)


class PeerFromHeader:
    """The connection's peer address from the test's ``x-test-peer`` header (the test client has none)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        for name, value in scope.get("headers", []):
            if name == b"x-test-peer":
                scope["client"] = (value.decode(), 40000)
        await self.app(scope, receive, send)


def _scope(peer: str, *forwarded: str) -> dict[str, Any]:
    return {"client": (peer, 1234), "headers": [(b"x-forwarded-for", value.encode()) for value in forwarded]}


# The address


def test_an_untrusted_peer_is_the_client_whatever_it_forwards() -> None:
    assert client_address(_scope("198.51.100.1", "203.0.113.9"), PROXIES) == "198.51.100.1"
    assert client_address(_scope("198.51.100.1", "203.0.113.9"), ()) == "198.51.100.1"
    assert client_address(_scope("10.0.0.2", "203.0.113.9"), ()) == "10.0.0.2"  # no proxy configured


def test_behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() -> None:
    assert client_address(_scope("10.0.0.2", "203.0.113.7"), PROXIES) == "203.0.113.7"
    # the client wrote its own X-Forwarded-For; the proxy appended the real address
    assert client_address(_scope("10.0.0.2", "1.2.3.4, 203.0.113.7"), PROXIES) == "203.0.113.7"
    assert client_address(_scope("10.0.0.2", "1.2.3.4", "203.0.113.7"), PROXIES) == "203.0.113.7"
    # two proxies of ours in a row
    assert client_address(_scope("10.0.0.2", "203.0.113.7, 10.9.9.9"), PROXIES) == "203.0.113.7"
    assert client_address(_scope("::1", "2001:db8::5"), PROXIES) == "2001:db8::5"
    assert client_address(_scope("10.0.0.2", "203.0.113.7:5555"), PROXIES) == "203.0.113.7"
    assert client_address(_scope("10.0.0.2"), PROXIES) == "10.0.0.2"  # nothing forwarded
    assert client_address(_scope("10.0.0.2", "garbage"), PROXIES) == "10.0.0.2"
    assert client_address(_scope("10.0.0.2", "10.1.1.1"), PROXIES) == "10.1.1.1"  # all ours: the first


# Signing in


@pytest.mark.parametrize("changes", [{"rate_limits": {"login_account": (3, 600)}}])
def test_sign_in_attempts_are_limited_per_account(fair: Fair, visitor) -> None:  # type: ignore[no-untyped-def]
    person: Visitor = visitor()
    for _ in range(2):
        assert person.post("/login", {"email": "seeker@example.cn", "password": "wrong"}).status_code == 400
    assert person.login("seeker@example.cn").status_code == 200  # a success forgets the failures
    for _ in range(3):
        assert person.post("/login", {"email": "seeker@example.cn", "password": "wrong"}).status_code == 400
    blocked = person.post("/login", {"email": "SEEKER@example.cn", "password": PASSWORD})
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= 600
    assert "尝试次数过多" in blocked.text  # the default language is Chinese
    english = visitor()
    answer = english.post(
        "/login", {"email": "seeker@example.cn", "password": PASSWORD}, headers={"Accept-Language": "en"}
    )
    assert answer.status_code == 429 and "Too many attempts" in answer.text  # from another browser too
    assert english.login("hr@a.example.cn").status_code == 200  # other accounts are not affected


@pytest.mark.parametrize("changes", [{"rate_limits": {"login_address": (3, 600)}}])
def test_a_spoofed_forwarded_for_does_not_reset_the_address_limit(visitor) -> None:  # type: ignore[no-untyped-def]
    person: Visitor = visitor()
    for number in range(3):
        answer = person.post(
            "/login",
            {"email": f"guess{number}@example.cn", "password": "x"},
            headers={"X-Forwarded-For": f"203.0.113.{number}"},
        )
        assert answer.status_code == 400
    answer = person.post(
        "/login", {"email": "guess9@example.cn", "password": "x"}, headers={"X-Forwarded-For": "203.0.113.99"}
    )
    assert answer.status_code == 429


@pytest.mark.parametrize(
    "changes", [{"rate_limits": {"login_address": (2, 600)}, "trusted_proxies": ("10.0.0.0/8",)}]
)
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(app: Litestar, running_app: TestClient) -> None:
    app.asgi_handler = PeerFromHeader(app.asgi_handler)
    visitor = Visitor(app)

    def attempt(peer: str, forwarded: str) -> int:
        headers = {"x-test-peer": peer, "X-Forwarded-For": forwarded}
        return visitor.post("/login", {"email": "a@example.cn", "password": "x"}, headers=headers).status_code

    assert [attempt("10.0.0.1", "203.0.113.7") for _ in range(3)] == [400, 400, 429]
    assert attempt("10.0.0.1", "203.0.113.8") == 400  # another visitor behind the same proxy
    assert attempt("10.0.0.1", "203.0.113.8, 203.0.113.7") == 429  # the client's own header is ignored
    # a client that is not our proxy cannot pose as one
    assert [attempt("198.51.100.1", f"203.0.113.{n}") for n in (20, 21, 22)] == [400, 400, 429]


# Signing up and applying


@pytest.mark.parametrize("changes", [{"rate_limits": {"register_address": (2, 600)}}])
def test_sign_ups_are_limited_per_address(visitor) -> None:  # type: ignore[no-untyped-def]
    answers = [visitor().register_seeker(f"new{n}@example.cn").status_code for n in range(3)]
    assert answers == [200, 200, 429]
    assert visitor().register_employer("hr@new.example.cn", "长春新公司").status_code == 429


@pytest.mark.parametrize("changes", [{"rate_limits": {"apply_account": (1, 600)}}])
def test_applications_are_limited_per_job_seeker(fair: Fair, visitor) -> None:  # type: ignore[no-untyped-def]
    second_job = fair.publish(fair.employer_b, "芯片测试工程师")
    assert fair.seeker.apply(second_job).status_code == 429  # the fair's seeker applied once already
    other = visitor()
    other.register_seeker("other@example.cn")
    assert other.apply(second_job).status_code == 200  # another account, same address


def test_the_api_answers_429_as_problem_json(app: Litestar, running_app: TestClient) -> None:
    async def keys(_connection: Any) -> list[tuple[str, str]]:
        return [("login_account", "api-client")]

    @post("/api/__test__/limited", guards=[rate_limited(keys)], sync_to_thread=False)
    def limited() -> dict[str, str]:
        return {"ok": "yes"}

    app.register(limited)
    limit = BoardPlugin.state_of(app).rate_limiter.limits["login_account"].count
    client = TestClient(app=app, base_url="http://testserver.local")
    client.get("/login")
    token = {"x-csrftoken": client.cookies.get("csrftoken") or ""}
    statuses = [client.post("/api/__test__/limited", headers=token).status_code for _ in range(limit + 1)]
    assert statuses == [201] * limit + [429]
    answer = client.post("/api/__test__/limited", headers=token | {"Accept-Language": "en"})
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["status"] == 429 and answer.json()["title"] == "rate_limited"
    assert "Too many attempts" in answer.json()["detail"] and "retry-after" in answer.headers


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBBOARD_SECRET_KEY", "x" * 40)
    monkeypatch.setenv("JOBBOARD_RATE_LIMITS", "login_account=5/60, apply_address=1000/600")
    monkeypatch.setenv("JOBBOARD_TRUSTED_PROXIES", "10.0.0.0/8, ::1")
    monkeypatch.setenv("JOBBOARD_ALLOWED_HOSTS", "jobs.example.cn,*.fair.example.cn")
    monkeypatch.setenv("JOBBOARD_READY_MAX_LAG", "12.5")
    settings = Settings.from_env()
    assert settings.rate_limits == {"login_account": (5, 60), "apply_address": (1000, 600)}
    assert settings.trusted_proxies == ("10.0.0.0/8", "::1")
    assert settings.allowed_hosts == ("jobs.example.cn", "*.fair.example.cn")
    assert settings.ready_max_lag == 12.5
