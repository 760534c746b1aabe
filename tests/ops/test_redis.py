"""With JOBBOARD_REDIS_URL, sessions and rate-limit counters live in Redis, shared by every worker and
node: a session made through one board is valid on another, and limits count across both.

Against the real Redis (``JOBBOARD_TEST_REDIS_URL``, else redis://127.0.0.1:6379/0); skipped when none
answers, unless JOBBOARD_TEST_REDIS_URL is set (CI's second run), where a missing Redis fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import redis
from litestar import Litestar
from litestar.testing import TestClient

from jobboard.app import create_app
from jobboard.core.settings import Settings
from jobboard.web.stores import SharedRedisStore
from tests.databases import TEST_REDIS_URL, delete_redis_namespace, redis_unreachable
from tests.ops.conftest import BASE_URL, Visitor

REDIS_URL = TEST_REDIS_URL or "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_settings(settings: Settings) -> Iterator[Settings]:
    if redis_unreachable(REDIS_URL):
        if TEST_REDIS_URL:
            pytest.fail(f"JOBBOARD_TEST_REDIS_URL={TEST_REDIS_URL} does not answer")
        pytest.skip(f"no Redis at {REDIS_URL}")
    yield replace(settings, redis_url=REDIS_URL, rate_limits={"login_account": (3, 600)})
    delete_redis_namespace(REDIS_URL, settings.redis_namespace)


@pytest.fixture
def two_boards(redis_settings: Settings) -> Iterator[tuple[Litestar, Litestar]]:
    """Two boards (as two workers or two nodes) on one database and one Redis."""
    board_a, board_b = create_app(redis_settings), create_app(redis_settings)
    with TestClient(app=board_a, base_url=BASE_URL), TestClient(app=board_b, base_url=BASE_URL):
        yield board_a, board_b


def _keys(settings: Settings, kind: str) -> list[bytes]:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return list(client.scan_iter(match=f"{settings.redis_namespace}-{kind}:*"))
    finally:
        client.close()


def test_a_session_made_on_one_board_is_valid_on_the_other(
    two_boards: tuple[Litestar, Litestar], redis_settings: Settings
) -> None:
    board_a, board_b = two_boards
    on_a = Visitor(board_a)
    assert on_a.register_seeker("redis@example.cn").status_code == 200
    assert isinstance(board_a.stores.get("sessions"), SharedRedisStore)
    assert _keys(redis_settings, "sessions"), "the session is in Redis"

    on_b = Visitor(board_b)
    on_b.client.cookies.set("session", on_a.client.cookies["session"], domain="testserver.local")
    page = on_b.get("/me/applications", follow_redirects=False)
    assert page.status_code == 200, "signed in on board B with the session made on board A"

    on_b.client.cookies.set("csrftoken", on_a.client.cookies["csrftoken"], domain="testserver.local")
    assert on_b.post("/logout").status_code == 200  # signing out on B …
    again = Visitor(board_a)
    again.client.cookies.set("session", on_a.client.cookies["session"], domain="testserver.local")
    assert again.get("/me/applications", follow_redirects=False).status_code in (302, 303)  # … ends it on A


def test_rate_limits_count_across_boards(
    two_boards: tuple[Litestar, Litestar], redis_settings: Settings
) -> None:
    board_a, board_b = two_boards
    attempts = [
        Visitor(board).post("/login", {"email": "victim@example.cn", "password": "guess"}).status_code
        for board in (board_a, board_b, board_a, board_b)
    ]
    assert attempts == [400, 400, 400, 429]
    keys = _keys(redis_settings, "ratelimit")
    assert keys and not any(b"victim" in key for key in keys)  # keyed on an HMAC, not on the address
