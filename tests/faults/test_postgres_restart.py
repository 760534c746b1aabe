"""PostgreSQL restarted under load: requests fail cleanly with 503 meanwhile, and the board recovers alone."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from tests.faults.conftest import LiveBoard
from tests.faults.probes import Prober
from tests.live.board import LiveVisitor, pdf_bytes
from tests.live.private_postgres import PrivatePostgres

pytestmark = pytest.mark.faults

OUTAGE_SECONDS = 2.0
CLEAN = {200, 302, 303, 409, 503}  # answered, redirected after a form, "already applied", "try again"


def visitor_mix(board: LiveBoard) -> Callable[[httpx.Client, int], httpx.Response]:
    jobs = board.job_ids

    def browse(client: httpx.Client, number: int) -> httpx.Response:
        kind = number % 4
        if kind == 0:
            return client.get("/jobs", params={"q": "激光"})
        if kind == 1:
            return client.get(f"/jobs/{jobs[number % len(jobs)]}")
        if kind == 2:
            return client.get("/api/jobs", params={"q": "光学"})
        return client.get(f"/api/jobs/{jobs[number % len(jobs)]}")

    return browse


def test_postgres_restarted_under_load(
    board_on_private_postgres: LiveBoard, private_postgres: PrivatePostgres
) -> None:
    board = board_on_private_postgres
    node = board.node
    seeker = LiveVisitor(node.url)
    assert seeker.login(board.seekers[0]).is_redirect
    resume = pdf_bytes(20_000)
    jobs = iter(board.job_ids)

    def apply(_client: httpx.Client, _number: int) -> httpx.Response:
        return seeker.apply(next(jobs), resume)

    browsing = Prober(node.url, visitor_mix(board), threads=3).start()
    applying = Prober(node.url, apply, threads=1).start()
    time.sleep(1.5)
    down_at = browsing.now()
    private_postgres.stop("fast")  # every connection is cut; new ones are refused
    time.sleep(OUTAGE_SECONDS)
    private_postgres.start()
    up_at = browsing.now()
    time.sleep(4.0)  # recovery: nothing restarts the board
    browsing.stop()
    applying.stop()
    outcomes = browsing.outcomes + applying.outcomes

    during = browsing.statuses(down_at) - browsing.statuses(up_at + 1.0)
    settled = browsing.statuses(up_at + 1.0) + applying.statuses(up_at + 1.0)
    print(f"outage {down_at:.1f}–{up_at:.1f} s: answers {during}; from 1 s after the restart: {settled}")
    assert all(outcome in CLEAN for _, _, outcome in outcomes), [o for o in outcomes if o[2] not in CLEAN]
    assert during[503] > 0  # the outage was seen, and said so
    assert set(settled) <= {200, 302, 303}, settled  # recovered by itself
    assert node.worker_pids() and node.process is not None and node.process.poll() is None
    board.assert_every_application_has_its_resume()
    seeker.close()
