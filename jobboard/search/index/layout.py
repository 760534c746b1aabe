"""The index folder: generations swapped in atomically, their cursors, and the writer lock.

    <index_dir>/current -> gen-20250301T101500-1a2b3c   (relative symlink, replaced atomically)
    <index_dir>/gen-.../                                 (a complete Whoosh index)
    <index_dir>/gen-.../generation.json                  (schema fingerprint, outbox cursor)
    <index_dir>/.writer.lock                             (one writer per index folder, all processes)

A rebuild writes a new generation while searches read the current one, then moves ``current``.
Readers notice the new link on their next search; the old folder is deleted a while later.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

CURRENT_LINK = "current"
GENERATION_PREFIX = "gen-"
META_FILE = "generation.json"
LOCK_FILE = ".writer.lock"
# Commits and swaps made by this process, per index folder: searchers of the same process look again at
# once, instead of at their next periodic look (see JobSearch.version).
_changes_made_here: dict[str, int] = {}
# A replaced generation stays this long for readers still on it; unfinished builds stay a day.
KEEP_REPLACED_SECONDS = 600
KEEP_UNFINISHED_SECONDS = 86_400


class IndexLockTimeout(TimeoutError):
    """Another process kept the index writer lock for longer than we were willing to wait."""


@dataclass
class GenerationMeta:
    fingerprint: str
    cursor: int = 0  # the last outbox id applied to this generation
    # Outbox ids skipped over while advancing the cursor (a transaction still open, or rolled back):
    # id -> when first noticed. Re-checked on every drain until they appear or grow old.
    gaps: dict[int, float] = field(default_factory=dict)
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    documents: int = 0

    @classmethod
    def from_json(cls, text: str) -> GenerationMeta:
        data = json.loads(text)
        data["gaps"] = {int(k): float(v) for k, v in data.get("gaps", {}).items()}
        return cls(**data)


@dataclass(frozen=True)
class Generation:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def meta_path(self) -> Path:
        return self.path / META_FILE

    def read_meta(self) -> GenerationMeta | None:
        try:
            return GenerationMeta.from_json(self.meta_path.read_text())
        except (FileNotFoundError, ValueError, TypeError):
            return None

    def write_meta(self, meta: GenerationMeta) -> None:
        # Write-then-rename: a crash leaves the old cursor, and re-applying entries is harmless.
        temporary = self.path / f".{META_FILE}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(asdict(meta), indent=1))
        os.replace(temporary, self.meta_path)


class IndexLayout:
    def __init__(self, index_dir: Path | str) -> None:
        self.root = Path(index_dir)
        self._key = os.path.abspath(self.root)

    def announce_change(self) -> None:
        """Called after a commit or a swap by this process's writer."""
        _changes_made_here[self._key] = _changes_made_here.get(self._key, 0) + 1

    def changes_announced(self) -> int:
        return _changes_made_here.get(self._key, 0)

    def current(self) -> Generation | None:
        """The generation searches read, or None when there is no complete index yet."""
        name = self.current_name()
        if name is None:
            return None
        generation = Generation(self.root / name)
        return generation if generation.meta_path.exists() else None

    def current_name(self) -> str | None:
        try:
            return os.readlink(self.root / CURRENT_LINK)
        except OSError:
            return None

    def new_generation(self) -> Generation:
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = self.root / f"{GENERATION_PREFIX}{stamp}-{secrets.token_hex(3)}"
        path.mkdir()
        return Generation(path)

    def swap(self, generation: Generation) -> None:
        """Points ``current`` at ``generation`` atomically (rename over the old link). Hold the lock."""
        replaced = self.current()
        temporary = self.root / f".{CURRENT_LINK}.{os.getpid()}.{secrets.token_hex(3)}"
        os.symlink(generation.name, temporary)
        os.replace(temporary, self.root / CURRENT_LINK)
        self.announce_change()
        if replaced is not None:
            os.utime(replaced.meta_path)  # its grace period for readers starts now
        self._remove_old_generations(keep=generation.name)

    def _remove_old_generations(self, keep: str) -> None:
        now = time.time()
        for path in self.root.glob(f"{GENERATION_PREFIX}*"):
            if path.name == keep or not path.is_dir():
                continue
            meta = path / META_FILE
            age = now - (meta.stat().st_mtime if meta.exists() else path.stat().st_mtime)
            limit = KEEP_REPLACED_SECONDS if meta.exists() else KEEP_UNFINISHED_SECONDS
            if age > limit:
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def writer_lock(self, timeout: float | None = None) -> Iterator[None]:
        """The one index writer of this folder, across threads and processes (``flock`` is per open
        file, and the kernel drops it when a process dies, so a crash never leaves it stuck)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "a+b") as handle:
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if deadline is not None and time.monotonic() >= deadline:
                        raise IndexLockTimeout(f"index writer lock busy: {self.root}") from None
                    time.sleep(0.02)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
