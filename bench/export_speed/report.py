"""The export benchmark's table, and whether the targets of issue 4 are met."""

from __future__ import annotations

from typing import Any

MEMORY_TARGET_MB = 150
CSV_TARGET_RATIO = 3.0


def _line(name: str, result: dict[str, Any]) -> str:
    traced = result.get("traced_peak_mb")
    traced_text = f"{traced:8.1f}" if traced is not None else "       -"
    baseline = result.get("baseline_mb")
    baseline_text = f"{baseline:8.1f}" if baseline is not None else "       -"
    return (
        f"{name:<12}{result['seconds']:9.2f}{result['wall']:9.2f}{result['peak_mb']:10.1f}{baseline_text}"
        f"{traced_text}{result['bytes'] / 2**20:9.1f}"
    )


def report(
    rows: int, load_seconds: float, results: dict[str, dict[str, Any]], sqlite: dict[str, Any] | None
) -> bool:
    print(
        f"\n{rows:,} applications loaded in {load_seconds:.1f} s; "
        "each export of the whole fair in a fresh process\n"
    )
    print(
        f"{'export':<12}{'export s':>9}{'wall s':>9}{'peak RSS':>10}{'imports':>8}{'traced':>8}{'MB out':>9}"
    )
    measured = ({"sqlite3 -csv": sqlite} if sqlite is not None else {}) | results
    for name, result in measured.items():
        print(_line(name, result))
    print()
    for name, result in measured.items():
        print(f"  runs of {name}: " + ", ".join(f"{seconds:.2f} s" for seconds in result["runs"]))
    print(
        "\nexport s: the export alone (in-process timer), the fastest run; wall s: that process, start-up"
        "\nincluded; peak RSS: the process's peak resident memory, highest of the runs; imports: resident"
        "\nmemory before the export began; traced: tracemalloc's peak of Python allocations during the export"
        "\n(a separate, slower run).\n"
    )
    return _verdict(results, sqlite)


def _verdict(results: dict[str, dict[str, Any]], sqlite: dict[str, Any] | None) -> bool:
    ok = True
    for name, result in results.items():
        fine = result["peak_mb"] < MEMORY_TARGET_MB
        ok &= fine
        print(
            f"{'PASS' if fine else 'FAIL'}  {name} peak memory {result['peak_mb']:.1f} MB "
            f"< {MEMORY_TARGET_MB} MB"
        )
    if sqlite is None:
        print(
            "SKIP  CSV vs sqlite3: the sqlite3 command-line shell is not installed "
            "(Debian: apt-get install -y sqlite3), so there is no time to compare with"
        )
        return ok
    ratio = results["csv"]["seconds"] / sqlite["seconds"]
    fine = ratio <= CSV_TARGET_RATIO
    print(
        f"{'PASS' if fine else 'FAIL'}  CSV takes {ratio:.2f}x the sqlite3 time "
        f"(target <= {CSV_TARGET_RATIO:.0f}x; "
        f"{results['csv']['wall'] / sqlite['wall']:.2f}x counting Python's start-up)"
    )
    return ok and fine
