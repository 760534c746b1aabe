"""The index folder deleted under a running node: rebuilt from the database; searches never get a 500."""

from __future__ import annotations

import os
import shutil
import time

import httpx
import pytest

from jobboard.search.index.layout import IndexLayout
from tests.faults.conftest import LiveBoard
from tests.faults.probes import Prober
from tests.faults.test_index_writer_killed import index_is_consistent, search

pytestmark = pytest.mark.faults


def page(client: httpx.Client, number: int) -> httpx.Response:
    return client.get("/jobs", params={"q": "工程师", "page": 1 + number % 3})


def test_index_folder_deleted_while_searching(live_board: LiveBoard) -> None:
    node = live_board.node
    expected = httpx.get(f"{node.url}/api/jobs", params={"q": "工程师"}, timeout=10).json()["total"]
    assert expected > 0
    old_writer = node.writer_pid()
    api, pages = Prober(node.url, search, threads=2).start(), Prober(node.url, page, threads=1).start()
    time.sleep(0.5)

    deleted = node.index_dir.with_name("deleted-index")
    os.rename(node.index_dir, deleted)  # gone at once for the node, as with rm -r
    shutil.rmtree(deleted)
    gone_at = api.now()

    started = time.monotonic()
    while not (IndexLayout(node.index_dir).current() and index_is_consistent(live_board)):
        assert time.monotonic() - started < 60, "the index was not rebuilt"
        time.sleep(0.05)
    rebuilt_in = time.monotonic() - started
    time.sleep(0.5)
    outcomes = api.stop() + pages.stop()
    answers = api.statuses(since=gone_at) + pages.statuses(since=gone_at)
    print(f"index rebuilt {rebuilt_in:.1f} s after the folder was deleted; answers meanwhile {answers}")
    assert set(answers) <= {200, 503}, answers  # what is available, or a clear 503: never a 500
    assert all(outcome in (200, 503) for _, _, outcome in outcomes)
    again = httpx.get(f"{node.url}/api/jobs", params={"q": "工程师"}, timeout=10).json()["total"]
    assert again == expected
    assert node.writer_pid() in node.worker_pids()  # one writer again, on the new lock file
    assert old_writer in node.worker_pids()  # nobody died
