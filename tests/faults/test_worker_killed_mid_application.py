"""kill -9 a worker in the middle of an application: the application is all there or not there at all."""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest

from tests.databases import libpq_url
from tests.faults.conftest import LiveBoard
from tests.faults.probes import worker_of_database_backend
from tests.live.board import LiveVisitor, pdf_bytes

pytestmark = pytest.mark.faults


def _waiting_backend_port(monitor: psycopg.Connection, timeout: float = 15) -> int:
    """The client port of the board's connection that waits for our table lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = monitor.execute(
            "SELECT client_port FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        ).fetchone()
        if row is not None:
            return int(row[0])
        time.sleep(0.02)
    raise TimeoutError("no worker got as far as storing the application")


def test_worker_killed_after_storing_the_resume_and_before_the_row(live_board: LiveBoard) -> None:
    node, job_id = live_board.node, live_board.job_ids[0]
    seeker = LiveVisitor(node.url)
    assert seeker.login(live_board.seekers[0]).is_redirect
    url = libpq_url(live_board.engine.url, keep_options=False)  # the same database, no test options
    with psycopg.connect(url) as blocker, psycopg.connect(url, autocommit=True) as monitor:
        # The worker writes the resume file, then blocks inserting its row: the middle of an application.
        blocker.execute("LOCK TABLE applications IN SHARE ROW EXCLUSIVE MODE")
        with ThreadPoolExecutor(1) as pool:
            attempt = pool.submit(seeker.apply, job_id, pdf_bytes(50_000))
            port = _waiting_backend_port(monitor)
            workers = node.worker_pids()
            victim = worker_of_database_backend(port, workers)
            assert victim in workers, (port, workers)
            assert len(live_board.resume_files()) == 1  # the file is written, the row is not
            os.kill(victim, signal.SIGKILL)
            with pytest.raises(httpx.HTTPError):
                attempt.result(timeout=30)  # the connection died with the worker
        blocker.rollback()

    assert live_board.applications() == []  # not there at all…
    orphans = live_board.resume_files()
    assert len(orphans) == 1  # …but for a file no row refers to, which the sweep removes
    assert live_board.resumes.sweep_orphans([], older_than_seconds=0) == 1

    node.wait_for_workers(2, without=victim)  # Uvicorn's supervisor replaced the dead worker
    retry = seeker.apply(job_id, pdf_bytes(50_000))
    assert retry.is_redirect, retry.status_code
    assert len(live_board.applications()) == 1
    live_board.assert_every_application_has_its_resume()
    seeker.close()


def test_workers_killed_at_random_moments_of_a_burst_of_applications(live_board: LiveBoard) -> None:
    node, rng = live_board.node, random.Random(7)
    seekers = [LiveVisitor(node.url) for _ in range(8)]
    for seeker, email in zip(seekers, live_board.seekers, strict=False):
        assert seeker.login(email).is_redirect
    resume = pdf_bytes(200_000)
    jobs = iter(live_board.job_ids)
    for _round in range(3):
        job_id = next(jobs)
        with ThreadPoolExecutor(len(seekers)) as pool:
            attempts = [pool.submit(seeker.apply, job_id, resume) for seeker in seekers]
            time.sleep(rng.uniform(0.0, 0.3))
            victim = rng.choice(node.worker_pids())
            os.kill(victim, signal.SIGKILL)
            outcomes = []
            for attempt in attempts:
                try:
                    outcomes.append(attempt.result(timeout=30).status_code)
                except httpx.HTTPError as error:
                    outcomes.append(type(error).__name__)
        print(f"round {_round}: killed worker {victim}; answers {Counter(outcomes)}")
        assert 500 not in outcomes, outcomes
        live_board.assert_every_application_has_its_resume()
        node.wait_for_workers(2, without=victim)
        for seeker in seekers:  # retrying: applied now, or told it was there already (never twice)
            retry = seeker.apply(job_id, resume)
            assert retry.is_redirect or retry.status_code == 409, retry.status_code
        assert len([a for a in live_board.applications() if a.job_id == job_id]) == len(seekers)
        live_board.assert_every_application_has_its_resume()
    for seeker in seekers:
        seeker.close()
