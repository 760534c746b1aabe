"""Where the machine's CPU went during the measured window: board workers, PostgreSQL, Redis, the client."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def snapshot() -> dict[int, tuple[str, float]]:
    """pid -> (command name, CPU seconds used so far) for every process."""
    seen = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        seen[int(entry.name)] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return seen


def usage(
    before: dict[int, tuple[str, float]],
    after: dict[int, tuple[str, float]],
    workers: list[int],
    requests: int,
) -> str:
    """CPU seconds by group, and the board workers' CPU milliseconds per request."""
    groups: Counter[str] = Counter()
    each: list[str] = []
    for pid, (name, seconds) in after.items():
        used = seconds - before.get(pid, (name, 0.0))[1]
        if pid in workers:
            group = "board workers"
            each.append(f"{used:.1f}")
        elif pid == os.getpid():
            group = "load client"
        elif name.startswith("postgres"):
            group = "postgresql"
        elif name.startswith("redis"):
            group = "redis"
        else:
            group = "other"
        groups[group] += used
    per_request = 1000 * groups["board workers"] / requests if requests else 0.0
    spent = ", ".join(f"{group} {seconds:.1f}" for group, seconds in groups.most_common())
    return f"{spent} (board workers: {' + '.join(each)}; {per_request:.1f} ms of CPU per request)"
