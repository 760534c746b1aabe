"""Load benchmark: the fair's opening morning against `jobboard serve --workers 2` on PostgreSQL.

    .venv/bin/python bench/load.py                          # 5,000 postings, 32 visitors, 30 s
    .venv/bin/python bench/load.py --duration 10 --visitors 16

A fresh PostgreSQL database is migrated and filled with a generated table of 5,000 postings through
`jobboard import-jobs` (which builds the index too), plus one job seeker per visitor. The board is served
by `jobboard serve --workers 2` (sessions in Redis when it answers). Each visitor signs in, then sends the
fair-opening mix one request after another: 70 % searches over a Zipf distribution of real queries, 20 %
job pages, 10 % applications with a PDF resume, each to a job nobody else applies to. After a warm-up the
run is measured for --duration seconds. Then the floor: the same signed-in visitors ask for the most asked
search again and again, answered from the rendered parts (no index, no database query), which is what the
board's middleware (request ids, locale, allowed hosts, Redis session, CSRF) and page layout cost at the
least. Last, the same visitors hit a bare Litestar endpoint served the same way (bench/bare_app.py), the
framework's ceiling. Prints throughput, p50/p95/p99 and errors, checks
that every accepted application is stored with its resume, and exits non-zero if a target is missed.
Loopback only; every request loop stops by itself at the deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.load.cpu import usage  # noqa: E402
from bench.load.http import Browser  # noqa: E402
from bench.load.mix import Mix, vocabulary  # noqa: E402
from bench.load.report import machine, render  # noqa: E402
from bench.load.setup import LoadBoard, create_database, drop_database, prepare  # noqa: E402
from bench.load.visitors import Recorder, board_visitor, repeating_visitor, run_for, sign_in  # noqa: E402
from tests.databases import redis_unreachable  # noqa: E402
from tests.live.board import PASSWORD, engine_for, pdf_bytes  # noqa: E402
from tests.live.nodes import BoardNode, free_port  # noqa: E402

T = TypeVar("T")
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


async def signed_in_browsers(board: LoadBoard, options: argparse.Namespace) -> list[Browser]:
    node = board.node
    browsers = [
        Browser("127.0.0.1", node.port, reconnect_every=options.reconnect_every) for _ in board.seekers
    ]
    for start in range(0, len(browsers), 8):  # sign-ins hash at production cost: a few at a time
        await asyncio.gather(
            *(
                sign_in(b, email, PASSWORD)
                for b, email in zip(browsers[start : start + 8], board.seekers[start:], strict=False)
            )
        )
    return browsers


async def board_phase(
    board: LoadBoard, options: argparse.Namespace, recorder: Recorder, floor: Recorder
) -> int:
    """The mix, then the floor: the same visitors asking for the most asked search over and over."""
    browsers = await signed_in_browsers(board, options)
    mix = Mix(vocabulary(board.titles), board.job_ids, only=options.only)
    resume = pdf_bytes(options.resume_kb * 1024)
    count = len(browsers)

    async def visit(index: int, stop_at: float) -> int:
        own_jobs = iter(board.job_ids[index::count])  # distinct jobs: no application is a duplicate
        return await board_visitor(browsers[index], mix, own_jobs, resume, recorder, stop_at, seed=index)

    accepted = await run_for(recorder, options.warmup, options.duration, list(range(count)), visit)
    top_search = mix.search_path_for(mix.queries[0])

    async def repeat(browser: Browser, stop_at: float) -> int:
        return await repeating_visitor(browser, "floor", top_search, floor, stop_at)

    await run_for(floor, options.warmup, options.duration, browsers, repeat)
    for browser in browsers:
        await browser.close()
    return sum(accepted)


async def ceiling_phase(
    port: int, options: argparse.Namespace, recorder: Recorder, kind: str = "bare"
) -> None:
    browsers = [
        Browser("127.0.0.1", port, reconnect_every=options.reconnect_every) for _ in range(options.visitors)
    ]

    async def visit(browser: Browser, stop_at: float) -> int:
        return await repeating_visitor(browser, kind, "/", recorder, stop_at)

    await run_for(recorder, options.warmup, options.duration, browsers, visit)
    for browser in browsers:
        await browser.close()


def check_applications(board: LoadBoard, accepted: int) -> str:
    from sqlmodel import Session, select

    from jobboard.applications.models import Application

    resumes = Path(board.node.env["JOBBOARD_UPLOAD_DIR"]) / "resumes"
    with engine_for(board.node.env["JOBBOARD_DATABASE_URL"]) as engine, Session(engine) as session:
        stored = session.exec(select(Application.resume_key, Application.resume_size)).all()
    complete = sum(
        1 for key, size in stored if (resumes / key).exists() and (resumes / key).stat().st_size == size
    )
    verdict = "ok" if accepted == len(stored) == complete else "MISMATCH"
    return (
        f"applications: {accepted} accepted, {len(stored)} stored, {complete} with their resume ({verdict})"
    )


def run_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def start_bare_app(
    folder: Path, workers: int, stock_middleware: str = ""
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    log = (folder / "bare.log").open("ab")
    options = ["--stock-middleware", stock_middleware] if stock_middleware else []
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.bare_app", "--port", str(port), "--workers", str(workers), *options],
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    import httpx

    deadline = time.monotonic() + 30
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return process, port
        if time.monotonic() > deadline or process.poll() is not None:
            stop_process(process)
            raise RuntimeError(f"the bare app did not start (see {folder / 'bare.log'})")
        time.sleep(0.1)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    process.wait(15)


def start_profilers(node: BoardNode, options: argparse.Namespace) -> list[subprocess.Popen[bytes]]:
    """py-spy on every worker for the run (collapsed stacks: `sort -t' ' -k2 -n` them, or flamegraph.pl)."""
    options.profile.mkdir(parents=True, exist_ok=True)
    seconds = str(int(options.warmup + options.duration + 10))
    py_spy = Path(sys.executable).with_name("py-spy")
    return [
        subprocess.Popen(
            [
                str(py_spy),
                "record",
                "-p",
                str(pid),
                "-d",
                seconds,
                "-r",
                "50",
                "-f",
                "raw",
                "--gil",  # only the thread running Python: where the CPU goes
                "-o",
                str(options.profile / f"worker-{pid}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in node.worker_pids()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=5000)
    parser.add_argument("--visitors", type=int, default=32, help="concurrent visitors (closed loop)")
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds per phase")
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--reconnect-every", type=int, default=10, help="requests per connection (0: keep it for the run)"
    )
    parser.add_argument("--resume-kb", type=int, default=100, help="size of the PDF resume")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="server to create the database on")
    parser.add_argument("--redis", default=DEFAULT_REDIS, help="sessions' store ('' for files)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the folder")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="for the board")
    parser.add_argument("--only", choices=["search", "job", "apply"], help="one kind of request alone")
    parser.add_argument("--profile", type=Path, help="py-spy the workers during the run, into this folder")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="jb-load-"))
    database_url = create_database(options.postgres)
    redis_url = options.redis if options.redis and not redis_unreachable(options.redis) else None
    namespace = f"jbload-{secrets.token_hex(4)}"
    node = BoardNode(
        "board", folder, database_url, workers=options.workers, redis_url=redis_url, redis_namespace=namespace
    )
    node.env.update(dict(item.split("=", 1) for item in options.env))
    board_run, floor_run, ceiling_run, stock_run = Recorder(), Recorder(), Recorder(), Recorder()
    bare_apps: list[subprocess.Popen[bytes]] = []
    try:
        print(f"preparing {options.jobs} postings in {folder} …", flush=True)
        board = prepare(node, folder, options.jobs, options.visitors)
        node.start()
        node.wait_for("/readyz", 120)
        print(
            f"board up on {node.url}; {options.visitors} visitors for {options.duration:.0f} s …", flush=True
        )
        workers = node.worker_pids()
        profilers = start_profilers(node, options) if options.profile else []
        accepted = run_loop(board_phase(board, options, board_run, floor_run))
        for profiler in profilers:
            profiler.wait(60)
        node.stop()
        bare, port = start_bare_app(folder, options.workers)
        bare_apps.append(bare)
        print(f"ceiling: bare Litestar on port {port} …", flush=True)
        run_loop(ceiling_phase(port, options, ceiling_run))
        stop_process(bare)
        if redis_url:
            stock, port = start_bare_app(folder, options.workers, stock_middleware=redis_url)
            bare_apps.append(stock)
            print(f"the same handler behind Litestar's CSRF, session and host middleware on port {port} …")
            run_loop(ceiling_phase(port, options, stock_run, kind="stock"))
            stop_process(stock)
        header = [
            f"machine: {machine()}",
            f"setup: {len(board.job_ids)} postings imported with `jobboard import-jobs` "
            f"(index included) in {board.import_seconds:.1f} s",
            f"board: jobboard serve --workers {options.workers}, PostgreSQL, sessions in "
            f"{'Redis' if redis_url else 'files'}; {options.visitors} visitors, closed loop, "
            f"{options.duration:.0f} s measured after {options.warmup:.0f} s warm-up; "
            f"resume {options.resume_kb} KB",
            check_applications(board, accepted),
            f"CPU seconds in the measured {board_run.finished - board_run.started:.0f} s: "
            + usage(board_run.cpu_before, board_run.cpu_after, workers, len(board_run.all_latencies())),
        ]
        text, ok = render(board_run, floor_run, ceiling_run, header, stock_run if redis_url else None)
        print(text)
        return 0 if ok else 1
    finally:
        node.stop()
        for process in bare_apps:
            stop_process(process)
        if not options.keep:
            drop_database(options.postgres, database_url)
            shutil.rmtree(folder, ignore_errors=True)
            if redis_url:
                from tests.databases import delete_redis_namespace

                delete_redis_namespace(redis_url, namespace)
                delete_redis_namespace(redis_url, "bare-app-sessions")


if __name__ == "__main__":
    raise SystemExit(main())
