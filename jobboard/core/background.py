"""A background thread that works when nudged and polls as a safety net (the index follower's pattern)."""

from __future__ import annotations

import logging
import threading

from sqlalchemy.exc import OperationalError


class NudgedLoop:
    """Runs ``step()`` in a daemon thread: at start (to catch up), whenever ``nudge()`` is called (after a
    commit that gave it work) and every ``poll_seconds`` anyway (work committed by other processes, work
    that comes due). A failing step is logged and the loop goes on: the next round retries."""

    def __init__(self, name: str, poll_seconds: float, logger: logging.Logger) -> None:
        self.name = name
        self.poll_seconds = poll_seconds
        self.logger = logger
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        self._wake.set()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout)

    def nudge(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stopping.is_set():
                return
            try:
                self.step()
            except OperationalError as error:  # the database is away: say so once a round, briefly
                self.logger.warning("%s: database unavailable (%s)", self.name, error.orig)
            except Exception:
                self.logger.exception("%s failed", self.name)
