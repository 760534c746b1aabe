"""The numbers: throughput, percentiles and errors per kind, the ceiling, and the targets."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

from bench.load.visitors import Recorder

TARGET_P99_OVER_P50 = 10.0
TARGET_SHARE_OF_CEILING = 0.20


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass
class Summary:
    requests: int
    errors: int
    seconds: float
    p50: float
    p95: float
    p99: float

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def summarize(recorder: Recorder, kinds: list[str] | None = None) -> Summary:
    kinds = kinds or list(recorder.latencies)
    values = [value for kind in kinds for value in recorder.latencies.get(kind, [])]
    return Summary(
        requests=len(values),
        errors=sum(recorder.errors.get(kind, 0) for kind in kinds),
        seconds=recorder.finished - recorder.started,
        p50=percentile(values, 0.50),
        p95=percentile(values, 0.95),
        p99=percentile(values, 0.99),
    )


def machine() -> str:
    model, memory = "unknown CPU", 0.0
    try:
        cpu = Path("/proc/cpuinfo").read_text().splitlines()
        model = next((line.split(":", 1)[1].strip() for line in cpu if line.startswith("model name")), model)
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


def row(name: str, summary: Summary, total: int) -> str:
    share = f"{summary.requests / total:6.1%}" if total else "      "
    return (
        f"  {name:<8} {summary.requests:>8} {share} {summary.errors:>6} "
        f"{summary.p50 * 1000:>8.1f} {summary.p95 * 1000:>8.1f} {summary.p99 * 1000:>8.1f} "
        f"{summary.throughput:>9.1f}"
    )


def render(
    board: Recorder, floor: Recorder, ceiling: Recorder, header: list[str], stock: Recorder | None = None
) -> tuple[str, bool]:
    everything = summarize(board)
    lowest = summarize(floor, ["floor"])
    bare = summarize(ceiling, ["bare"])
    lines = [*header, "", "  kind     requests  share errors   p50 ms   p95 ms   p99 ms     req/s"]
    for kind in ("search", "job", "apply"):
        lines.append(row(kind, summarize(board, [kind]), everything.requests))
    lines.append(row("all", everything, everything.requests))
    lines.append(row("floor", lowest, 0))
    lines.append(row("ceiling", bare, 0))
    stocked = summarize(stock, ["stock"]) if stock is not None else None
    if stocked is not None:
        lines.append(row("stock mw", stocked, 0))
    ratio = everything.p99 / everything.p50 if everything.p50 else float("inf")
    share = everything.throughput / bare.throughput if bare.throughput else 0.0
    checks = [
        ("zero errors", everything.errors == 0, f"{everything.errors} errors"),
        (f"p99 < {TARGET_P99_OVER_P50:.0f} x p50", ratio < TARGET_P99_OVER_P50, f"p99/p50 = {ratio:.1f}"),
        (
            f"throughput >= {TARGET_SHARE_OF_CEILING:.0%} of the ceiling",
            share >= TARGET_SHARE_OF_CEILING,
            f"{everything.throughput:.0f} / {bare.throughput:.0f} req/s = {share:.1%}",
        ),
    ]
    floor_share = lowest.throughput / bare.throughput if bare.throughput else 0.0
    lines += [
        "",
        f"  floor: the most asked search again and again, its results already rendered (no index, no database"
        f" query): {floor_share:.1%} of the ceiling",
    ]
    if stocked is not None and bare.throughput:
        lines.append(
            "  stock mw: the ceiling's handler behind Litestar's own CSRF, Redis session and allowed-hosts"
            f" middleware: {stocked.throughput / bare.throughput:.1%} of the ceiling"
        )
    lines.append("")
    for name, ok, detail in checks:
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {name}: {detail}")
    if board.samples or floor.samples or ceiling.samples:
        lines.append("  first errors: " + "; ".join(board.samples + floor.samples + ceiling.samples))
    return "\n".join(lines), all(ok for _, ok, _ in checks)
