"""kill -9 the index writer while it commits: searches go on, another worker takes over and catches up."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from jobboard.search.index.indexer import JobIndexer
from jobboard.search.index.layout import IndexLayout
from tests.faults.conftest import LiveBoard
from tests.faults.probes import Prober
from tests.live.board import import_jobs, job_rows

pytestmark = pytest.mark.faults

QUERIES = ("激光", "光学设计", "FPGA", "嵌入式软件", "芯片", "工程师", "sales", "卫星")


def search(client: httpx.Client, number: int) -> httpx.Response:
    return client.get("/api/jobs", params={"q": QUERIES[number % len(QUERIES)]})


def _wait(condition: Callable[[], object], timeout: float, what: str) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise TimeoutError(what)
        time.sleep(0.02)
    return time.monotonic() - started


def index_is_consistent(board: LiveBoard) -> bool:
    return JobIndexer(board.node.index_dir, board.engine).check().ok


def _new_files(folder: Path, before: set[str], suffix: str) -> set[str]:
    return {name for name in set(os.listdir(folder)) - before if name.endswith(suffix)}


# While adding: the batch's writer has opened its files (plus 0.1 s). While committing: its compound
# segment file is being assembled, before the table of contents names it.
MOMENTS = {"adding": ("", 0.1), "committing": (".seg", 0.0)}


@pytest.mark.parametrize("moment", sorted(MOMENTS))
def test_index_writer_killed_mid_write(live_board: LiveBoard, moment: str) -> None:
    suffix, delay = MOMENTS[moment]
    node = live_board.node
    writer = node.writer_pid()
    assert writer in node.worker_pids()
    generation = IndexLayout(node.index_dir).current()
    assert generation is not None
    files_before = set(os.listdir(generation.path))
    prober = Prober(node.url, search, threads=2).start()

    import_jobs(live_board.engine, job_rows(800, prefix="MORE", seed=99))  # 800 outbox entries to apply
    folder = generation.path
    _wait(lambda: _new_files(folder, files_before, suffix), 20, f"the writer never got to {moment}")
    time.sleep(delay)
    os.kill(writer, signal.SIGKILL)
    killed_at = prober.now()

    replaced = _wait(lambda: node.writer_pid() not in (None, writer), 10, "no worker took over the index")
    caught_up = _wait(lambda: index_is_consistent(live_board), 90, "the index did not catch up")
    time.sleep(0.5)
    prober.stop()
    after = prober.statuses(since=killed_at + 0.5)
    print(
        f"killed the writer while {moment}; replaced in {replaced:.1f} s, consistent after "
        f"{caught_up:.1f} s more; answers before {prober.statuses() - after}, after {after}"
    )
    assert 500 not in prober.statuses()
    assert set(after) == {200}, after  # search kept answering (in-flight requests of the dead worker aside)
    response = httpx.get(f"{node.url}/api/jobs", params={"q": "工程师", "per_page": 1}, timeout=10)
    assert response.json()["total"] > 200  # the new jobs are searchable
