"""The parent's side: each export, and ``sqlite3 -csv``, in a child process, timed and measured.

The children are the entry script again, through its hidden ``--load`` and ``--worker`` options.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
ENTRY_SCRIPT = REPO_ROOT / "bench" / "export_speed.py"
SQLITE_JOIN = """
SELECT a.id, a.created_at, a.status, c.name_zh, j.title, COALESCE(j.external_id, j.id), a.applicant_name,
       a.applicant_email, a.applicant_phone, a.cover_letter, a.resume_filename
FROM applications AS a JOIN jobs AS j ON a.job_id = j.id JOIN companies AS c ON j.company_id = c.id
ORDER BY a.id;
"""


def load_in_child(database: Path, rows: int) -> None:
    """Fills the board in a child process: the parent stays small, so the children's peak memory is theirs
    alone."""
    if subprocess.run(_entry("--load", str(rows), "--database", str(database))).returncode:
        raise SystemExit("loading the board failed")


def _entry(*arguments: str) -> list[str]:
    return [sys.executable, str(ENTRY_SCRIPT), *arguments]


def _run(command: list[str], stdout: Any) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory (MB) and exit status of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, cwd=REPO_ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def run_export(file_format: str, database: Path, folder: Path, trace: bool) -> dict[str, Any]:
    output = folder / f"export{'-traced' if trace else ''}.{file_format}"
    result = folder / f"{file_format}{'-traced' if trace else ''}.json"
    command = _entry("--worker", file_format, "--database", str(database), "--output", str(output))
    if trace:
        command.append("--tracemalloc")
    with result.open("w") as handle:
        wall, peak_mb, status = _run(command, handle)
    if status != 0:
        raise SystemExit(f"the {file_format} export failed (exit status {status})")
    measured = json.loads(result.read_text())
    # The kernel's figure and the process's own; the parent is kept small so that they agree.
    return measured | {
        "wall": wall,
        "peak_mb": max(peak_mb, measured["peak_mb"]),
        "bytes": output.stat().st_size,
    }


def run_sqlite3(database: Path, folder: Path) -> dict[str, Any] | None:
    binary = shutil.which("sqlite3")
    if binary is None:
        return None
    output = folder / "sqlite3.csv"
    with output.open("w") as handle:
        wall, peak_mb, status = _run(
            [binary, "-csv", "-header", "-readonly", str(database), SQLITE_JOIN], handle
        )
    if status != 0:
        raise SystemExit(f"sqlite3 failed (exit status {status})")
    return {"seconds": wall, "wall": wall, "peak_mb": peak_mb, "bytes": output.stat().st_size}


def best_of(repeat: int, measure: Callable[[], dict[str, Any] | None]) -> dict[str, Any] | None:
    """The fastest of ``repeat`` runs (the machine may be busy with other work), the highest peak memory."""
    runs = [measure() for _ in range(repeat)]
    if runs[0] is None:
        return None
    best = dict(min(runs, key=lambda run: run["seconds"]))  # type: ignore[index]
    best["peak_mb"] = max(run["peak_mb"] for run in runs)  # type: ignore[index]
    best["runs"] = [run["seconds"] for run in runs]  # type: ignore[index]
    return best
