"""Which process of a node writes its index: the one holding ``<index_dir>/follower.lock``.

Every worker runs an index follower; each round, a follower that is not the writer tries a non-blocking
exclusive ``flock`` on the file and, once it has it, keeps it for the rest of its life. The kernel drops the
lock when its process dies, so a killed writer is replaced within one round by whichever worker tries next.
The holder writes its pid into the file (``cat <index_dir>/follower.lock`` tells an operator which worker
writes). If the index folder is deleted, the holder notices that its file is gone and takes the lock again
on the new file, so two writers never run side by side for longer than a round.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
from pathlib import Path

FOLLOWER_LOCK_FILE = "follower.lock"

log = logging.getLogger("jobboard.search")


class FollowerLock:
    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / FOLLOWER_LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process is (still, or now) the node's index writer. Never waits."""
        if self._fd is not None:
            if self._still_ours():
                return True
            self.release()  # the folder was deleted or the file replaced: compete for the new one
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        log.info("process %s now writes the search index in %s", os.getpid(), self.path.parent)
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None

    def _still_ours(self) -> bool:
        assert self._fd is not None
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(self._fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def writer_pid(index_dir: Path) -> int | None:
    """The pid the current writer wrote into the lock file (for operators and tests)."""
    try:
        text = (Path(index_dir) / FOLLOWER_LOCK_FILE).read_text().strip()
    except FileNotFoundError:
        return None
    return int(text) if text.isdigit() else None
