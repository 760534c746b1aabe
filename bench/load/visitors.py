"""Closed-loop virtual visitors: each one signed in as its own job seeker, one request after another."""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from bench.load.cpu import snapshot
from bench.load.http import Browser, Response, multipart
from bench.load.mix import Mix

V = TypeVar("V")
EXPECTED = {
    "search": {200},
    "job": {200},
    "apply": {302, 303},
    "bare": {200},
    "stock": {200},
    "floor": {200},
    "login": {302, 303},
}


@dataclass
class Recorder:
    """Latencies (seconds) and errors per kind of request, kept only inside the measured window."""

    measuring: bool = False
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0
    cpu_before: dict[int, tuple[str, float]] = field(default_factory=dict)
    cpu_after: dict[int, tuple[str, float]] = field(default_factory=dict)

    def all_latencies(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]

    def note(self, kind: str, seconds: float, problem: str | None) -> None:
        if not self.measuring:
            return
        self.latencies[kind].append(seconds)
        if problem is not None:
            self.errors[kind] += 1
            if len(self.samples) < 10:
                self.samples.append(f"{kind}: {problem}")


async def timed(recorder: Recorder, kind: str, call: Awaitable[Response]) -> Response | None:
    began = time.perf_counter()
    try:
        response = await call
    except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
        recorder.note(kind, time.perf_counter() - began, type(error).__name__)
        return None
    problem = None if response.status in EXPECTED[kind] else f"HTTP {response.status}"
    recorder.note(kind, time.perf_counter() - began, problem)
    return response


async def sign_in(browser: Browser, email: str, password: str) -> None:
    await browser.request("GET", "/login")
    body = f"email={email}&password={password}".encode()
    response = await browser.request(
        "POST",
        "/login",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": browser.cookies.get("csrftoken", ""),
        },
    )
    if response.status not in EXPECTED["login"]:
        raise RuntimeError(f"sign-in of {email} answered {response.status}")


async def board_visitor(
    browser: Browser,
    mix: Mix,
    jobs_to_apply: Iterator[int],
    resume: bytes,
    recorder: Recorder,
    stop_at: float,
    seed: int,
) -> int:
    """Browses and applies until ``stop_at``; returns how many applications were accepted."""
    rng = random.Random(seed)
    applied = 0
    while time.monotonic() < stop_at:
        kind = mix.kind(rng)
        if kind == "search":
            await timed(recorder, kind, browser.request("GET", mix.search_path(rng)))
        elif kind == "job":
            await timed(recorder, kind, browser.request("GET", mix.job_path(rng)))
        else:
            job_id = next(jobs_to_apply)
            body, content_type = multipart(
                {"cover_letter": "您好，附件是我的简历。", "consent": "yes"},
                {"resume": ("简历.pdf", resume, "application/pdf")},
            )
            headers = {"Content-Type": content_type, "X-CSRFToken": browser.cookies.get("csrftoken", "")}
            response = await timed(
                recorder, kind, browser.request("POST", f"/jobs/{job_id}/apply", body, headers)
            )
            applied += response is not None and response.status in EXPECTED["apply"]
    return applied


async def repeating_visitor(
    browser: Browser, kind: str, path: str, recorder: Recorder, stop_at: float
) -> int:
    """Asks for the same page until ``stop_at`` (the ceiling and the floor)."""
    while time.monotonic() < stop_at:
        await timed(recorder, kind, browser.request("GET", path))
    return 0


async def run_for(
    recorder: Recorder,
    warmup: float,
    duration: float,
    visitors: Sequence[V],
    make: Callable[[V, float], Awaitable[int]],
) -> list[int]:
    """Starts ``make(visitor, stop_at)`` for every visitor; measures only after ``warmup`` seconds."""
    stop_at = time.monotonic() + warmup + duration
    tasks = [asyncio.create_task(make(visitor, stop_at)) for visitor in visitors]
    await asyncio.sleep(warmup)
    recorder.measuring, recorder.started, recorder.cpu_before = True, time.monotonic(), snapshot()
    results = await asyncio.gather(*tasks)
    recorder.measuring, recorder.finished, recorder.cpu_after = False, time.monotonic(), snapshot()
    return list(results)
