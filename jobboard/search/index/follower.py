"""Keeps this process's index following the outbox: nudged after each commit, polling as a safety net."""

from __future__ import annotations

import logging
import threading
import weakref

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from jobboard.core.outbox import OUTBOX_WRITTEN
from jobboard.core.settings import Settings
from jobboard.search.index.follower_lock import FollowerLock
from jobboard.search.index.indexer import JobIndexer

logger = logging.getLogger("jobboard.search")
_followers: weakref.WeakSet[IndexFollower] = weakref.WeakSet()


@event.listens_for(Session, "after_commit")
def _nudge_after_commit(session: Session) -> None:
    if session.info.pop(OUTBOX_WRITTEN, False):
        for follower in list(_followers):
            follower.nudge()


class IndexFollower:
    def __init__(self, settings: Settings, engine: Engine, poll_seconds: float = 1.0) -> None:
        self.indexer = JobIndexer(settings, engine)
        self.poll_seconds = poll_seconds
        # Several workers of one node: only the holder of this lock drains, the others only read.
        self.writer_lock = FollowerLock(settings.index_dir)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        _followers.add(self)
        self._wake.set()  # the first round builds a missing or outdated index and catches up
        self._thread = threading.Thread(target=self._run, name="index-follower", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        _followers.discard(self)
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.writer_lock.release()

    def nudge(self) -> None:
        self._wake.set()

    def sync(self) -> int:
        """Applies everything committed so far, now (used by commands and tests)."""
        return self.indexer.drain()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stopping.is_set():
                return
            try:
                if self.writer_lock.acquire():  # not the writer: try again next round
                    self.indexer.drain()
            except OperationalError as error:  # the database is away: say so once a round, briefly
                logger.warning("applying the search outbox failed: database unavailable (%s)", error.orig)
            except Exception:  # keep following; the next round retries what failed
                logger.exception("applying the search outbox failed")
