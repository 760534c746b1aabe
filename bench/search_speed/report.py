"""The search speed report of one size: the per-query table, p50/p95 of both, the ratios, cold and cached."""

from __future__ import annotations

from bench.search_speed.timing import Timing, percentile


def print_queries(timings: list[Timing]) -> None:
    print(f"{'query':<40}{'service ms':>11}{'FTS5 ms':>9}{'ratio':>7}")
    for timing in timings:
        print(
            f"{timing.label:<40}{timing.service_ms:>11.1f}{timing.fts_ms:>9.2f}"
            f"{timing.service_ms / max(timing.fts_ms, 0.01):>7.1f}"
        )


def print_comparison(timings: list[Timing], cold: list[float]) -> None:
    service = [t.service_ms for t in timings]
    fts = [t.fts_ms for t in timings]
    ratios = [t.service_ms / max(t.fts_ms, 0.01) for t in timings]
    print(
        f"service uncached (page, facets, highlights): p50 {percentile(service, 0.5):.1f} ms, "
        f"p95 {percentile(service, 0.95):.1f} ms"
    )
    print(
        f"FTS5 (page only):                           p50 {percentile(fts, 0.5):.2f} ms, "
        f"p95 {percentile(fts, 0.95):.2f} ms"
    )
    print(
        f"ratio of medians: {percentile(service, 0.5) / max(percentile(fts, 0.5), 0.01):.1f}x overall; "
        f"per query p50 {percentile(ratios, 0.5):.1f}x, p95 {percentile(ratios, 0.95):.1f}x"
    )
    print(
        f"service cold (first run of each query after opening the index): p50 "
        f"{percentile(cold, 0.5):.1f} ms, p95 {percentile(cold, 0.95):.1f} ms"
    )


def print_stream(stream: list[float]) -> None:
    print(
        f"service with cache, Zipf stream of 2,000: p50 {percentile(stream, 0.5):.2f} ms, "
        f"p95 {percentile(stream, 0.95):.2f} ms"
    )
