"""Export speed: 100,000 applications in a temporary board, the whole fair as CSV and XLSX, beside sqlite3.

    .venv/bin/python bench/export_speed.py [--rows 100000] [--repeat 3] [--no-tracemalloc] [--keep DIR]

Each export runs in its own fresh Python process (the board's own ``write_export_file``, the function
the web and ``jobboard export-applicants`` use), so that its peak memory is its own: the peak resident
set size comes from the kernel (``os.wait4``), and, in a second run, ``tracemalloc`` gives the peak of
Python's own allocations. ``sqlite3 -csv`` writes the same join to a file in the same run.

Targets (issue 4): peak memory under 150 MB for either format; CSV within 3x the sqlite3 time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.export_speed.board import load_board  # noqa: E402
from bench.export_speed.report import report  # noqa: E402
from bench.export_speed.runs import best_of, load_in_child, run_export, run_sqlite3  # noqa: E402
from bench.export_speed.worker import worker  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each export; the fastest counts")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--keep", type=Path, help="keep the board and the files in this folder")
    parser.add_argument("--worker", choices=("csv", "xlsx"), help=argparse.SUPPRESS)
    parser.add_argument("--load", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.database, args.output, args.tracemalloc)
        return
    if args.load:
        load_board(args.database, args.load)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="export-speed-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        passed = _bench(folder, args.rows, not args.no_tracemalloc, max(1, args.repeat))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    raise SystemExit(0 if passed else 1)


def _bench(folder: Path, rows: int, trace: bool, repeat: int) -> bool:
    database = folder / "board.sqlite3"
    database.unlink(missing_ok=True)
    print(f"loading {rows:,} applications into {database} …", flush=True)
    started = time.perf_counter()
    load_in_child(database, rows)
    load_seconds = time.perf_counter() - started
    if shutil.which("sqlite3") is None:
        print(
            "NOTE: the sqlite3 command-line shell is missing (Debian: apt-get install -y sqlite3); "
            "the sqlite3 comparison is skipped.",
            flush=True,
        )
    sqlite = best_of(repeat, lambda: run_sqlite3(database, folder))
    results = {
        name: best_of(repeat, lambda name=name: run_export(name, database, folder, trace=False))
        for name in ("csv", "xlsx")
    }
    if trace:
        for name, result in results.items():
            result["traced_peak_mb"] = run_export(name, database, folder, trace=True)["traced_peak_mb"]
    return report(rows, load_seconds, results, sqlite)


if __name__ == "__main__":
    main()
