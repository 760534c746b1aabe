"""The web fixtures (a running board, visitors, a small fair), and boards with other settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from jobboard.app import create_app
from jobboard.core.settings import Settings
from tests.web.conftest import (
    BASE_URL,
    PASSWORD,
    Fair,
    Visitor,
    app,
    fair,
    running_app,
    staff,
    visitor,
)

__all__ = [
    "BASE_URL",
    "PASSWORD",
    "Fair",
    "Visitor",
    "app",
    "board_with",
    "fair",
    "running_app",
    "staff",
    "visitor",
]


@pytest.fixture
def board_with(settings: Settings) -> Iterator[Callable[..., tuple[Litestar, TestClient]]]:
    """``board_with(rate_limits=…, base_url=…)``: a started board whose settings differ from the test's."""
    clients: list[TestClient] = []

    def start(**changes: Any) -> tuple[Litestar, TestClient]:
        board = create_app(replace(settings, **changes))
        client = TestClient(app=board, base_url=changes.get("base_url", BASE_URL))
        client.__enter__()
        clients.append(client)
        return board, client

    yield start
    for client in reversed(clients):
        client.__exit__(None, None, None)
