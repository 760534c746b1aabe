"""What the index commands show a person: the report of ``jobboard check-index`` and the progress of
``jobboard reindex``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class IndexReport:
    """Differences between the index and the public jobs of the database."""

    generation: str | None
    fingerprint_ok: bool
    cursor: int
    outbox_max: int
    pending: int  # outbox entries after the cursor, not applied yet
    indexed: int
    public: int
    missing: list[int] = field(default_factory=list)  # public, not in the index
    extra: list[int] = field(default_factory=list)  # in the index, not public
    stale: list[int] = field(default_factory=list)  # in the index with outdated content

    @property
    def ok(self) -> bool:
        return (
            self.generation is not None
            and self.fingerprint_ok
            and self.pending == 0
            and not (self.missing or self.extra or self.stale)
        )

    def __str__(self) -> str:
        if self.generation is None:
            return "no index: run `jobboard reindex`"
        lines = [
            f"generation {self.generation}: {self.indexed} indexed, {self.public} public jobs",
            f"outbox cursor {self.cursor} of {self.outbox_max} ({self.pending} pending)",
        ]
        if not self.fingerprint_ok:
            lines.append("schema changed since this generation was built: rebuild needed")
        for label, ids in (("missing", self.missing), ("extra", self.extra), ("stale", self.stale)):
            if ids:
                shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
                lines.append(f"{label} ({len(ids)}): {shown}")
        lines.append(
            "index consistent" if self.ok else "index differs: run `jobboard reindex` or drain the outbox"
        )
        return "\n".join(lines)


@contextmanager
def progress(show: bool, total: int) -> Iterator[Callable[[int], None]]:
    """rich.progress for ``jobboard reindex``; nothing when not asked for."""
    if not show:
        yield lambda _count: None
        return
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("indexing public jobs", total=total)
        yield lambda count: progress.advance(task, count)
