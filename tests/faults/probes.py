"""What visitors saw while a fault happened: a thread sending requests and noting every answer."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

Outcome = tuple[float, str, int | str]  # (seconds since start, what, status or the exception's name)


@dataclass
class Prober:
    """Runs ``request(client, n)`` in a loop on ``threads`` threads until stopped (or ``limit`` seconds)."""

    base_url: str
    request: Callable[[httpx.Client, int], httpx.Response]
    threads: int = 2
    limit: float = 60.0
    outcomes: list[Outcome] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _workers: list[threading.Thread] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    def start(self) -> Prober:
        for number in range(self.threads):
            thread = threading.Thread(target=self._loop, args=(number,), daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def stop(self) -> list[Outcome]:
        self._stop.set()
        for thread in self._workers:
            thread.join(30)
        return self.outcomes

    def _loop(self, number: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=15, follow_redirects=False) as client:
            count = 0
            while not self._stop.is_set() and time.monotonic() - self.started < self.limit:
                count += 1
                at = time.monotonic() - self.started
                try:
                    outcome: int | str = self.request(client, number * 1_000_000 + count).status_code
                except httpx.HTTPError as error:
                    outcome = type(error).__name__
                self.outcomes.append((at, self.request.__name__, outcome))
                time.sleep(0.01)

    def statuses(self, since: float = 0.0) -> Counter[int | str]:
        return Counter(outcome for at, _, outcome in self.outcomes if at >= since)

    def now(self) -> float:
        return time.monotonic() - self.started


def worker_of_database_backend(client_port: int, worker_pids: list[int]) -> int | None:
    """Which of ``worker_pids`` owns the TCP connection whose local port is ``client_port``."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == client_port:
                inodes.add(f"socket:[{fields[9]}]")
    for pid in worker_pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    if fd.readlink().as_posix() in inodes:
                        return pid
                except OSError:
                    continue
        except OSError:
            continue
    return None
