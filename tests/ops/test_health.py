"""/healthz says the process answers; /readyz that the database answers and the index keeps up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine

from jobboard.core.clock import utcnow
from jobboard.core.db import open_session
from jobboard.core.outbox import IndexOutboxEntry
from jobboard.core.settings import Settings
from jobboard.plugin import BoardPlugin
from jobboard.search.index.readiness import readiness


def test_healthz_answers_without_database_or_session(running_app: TestClient) -> None:
    response = running_app.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "set-cookie" not in response.headers
    assert response.headers["cache-control"] == "no-store"


def test_readyz_is_ready_once_the_index_follows_the_outbox(app: Litestar, running_app: TestClient) -> None:
    BoardPlugin.state_of(app).follower.sync()
    response = running_app.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"]["database"] == "ok" and body["checks"]["index"] == "ok"
    assert body["checks"]["index_pending"] == 0


def test_readyz_says_503_when_the_index_lags(app: Litestar, running_app: TestClient) -> None:
    BoardPlugin.state_of(app).follower.sync()
    BoardPlugin.state_of(app).follower.stop()  # the index stops following
    with open_session(BoardPlugin.state_of(app).engine) as session:
        session.add(IndexOutboxEntry(job_id=1, created_at=utcnow() - timedelta(seconds=120)))
        session.commit()
    response = running_app.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["index"] == "behind"
    assert body["checks"]["index_lag_seconds"] >= 120 and body["checks"]["index_pending"] == 1
    BoardPlugin.state_of(app).follower.sync()  # caught up: ready again
    assert running_app.get("/readyz").status_code == 200


def test_not_ready_without_an_index(settings: Settings, engine: Engine, tmp_path: Path) -> None:
    report = readiness(engine, replace(settings, index_dir=tmp_path / "no-index-yet"))
    assert report["status"] == "unavailable"
    assert report["checks"]["database"] == "ok" and report["checks"]["index"] == "missing"


def test_readyz_says_503_when_the_database_is_unreachable(board_with: Callable, tmp_path: Path) -> None:
    (tmp_path / "not-a-database").mkdir()
    _, client = board_with(database_url=f"sqlite:///{tmp_path / 'not-a-database'}")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable"
    assert client.get("/healthz").status_code == 200  # alive all the same
