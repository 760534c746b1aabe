"""The log of a real ``jobboard serve``: Uvicorn and Litestar must not replace the board's handler.

In-process tests build the app themselves; only a served board shows what Uvicorn's ``log_config`` (applied
in the supervisor and again in every worker) and Litestar's logging config do to ``configure_logging``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from tests.live.nodes import BoardNode

EMAIL = "li.ming.private@example.cn"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# TextFormatter: "2026-11-28 03:01:08,343 INFO uvicorn.error [-] Started server process [4532]"
_TEXT_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+ \[[^\]\s]+\] .*")


def _served_log(folder: Path, log_format: str, workers: int) -> tuple[str, dict[str, str]]:
    """Serves a fresh SQLite board, asks a few pages, stops it: its whole output, and the ids answered."""
    node = BoardNode(
        "logs",
        folder,
        f"sqlite:///{folder / 'board.sqlite3'}",
        workers=workers,
        settings={"log_format": log_format},
    )
    migrated = node.command("migrate")
    assert migrated.returncode == 0, migrated.stderr
    ids: dict[str, str] = {}
    with node, httpx.Client(base_url=node.url, timeout=30) as client:
        for path in ("/healthz", "/jobs", f"/jobs?q={EMAIL}", f"/nope?email={EMAIL}"):
            answer = client.get(path)
            ids[path] = answer.headers["x-request-id"]
        assert answer.status_code == 404
    return node.log_text(), ids


def _assert_private(text: str) -> None:
    assert not _EMAIL.search(text), "an e-mail address in the log"
    for secret in ("?", "q=", "email="):
        assert secret not in text, f"{secret!r} in the log (a query string)"


def test_a_served_board_writes_json_lines(tmp_path: Path) -> None:
    text, ids = _served_log(tmp_path, "json", workers=2)
    lines = [line for line in text.splitlines() if line.strip()]
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"not a JSON line: {line!r}\n--- whole log ---\n{text}")
    assert all({"time", "level", "logger", "message", "request_id"} <= entry.keys() for entry in entries)
    access = [entry for entry in entries if entry["logger"] == "jobboard.access"]
    jobs = [entry for entry in access if entry["path"] == "/jobs" and entry["status"] == 200]
    assert len(jobs) == 2 and {entry["request_id"] for entry in jobs} == {
        ids["/jobs"],
        ids[f"/jobs?q={EMAIL}"],
    }
    assert any(entry["path"] == "/nope" and entry["status"] == 404 for entry in access)
    assert not [entry for entry in access if entry["path"] == "/healthz"]  # probes are not logged
    # Uvicorn's own lines, from the supervisor and from both workers, went through the same handler.
    server = [entry["message"] for entry in entries if entry["logger"].startswith("uvicorn")]
    assert any(message.startswith("Started parent process") for message in server)
    assert sum(message.startswith("Started server process") for message in server) == 2
    _assert_private(text)


def test_a_served_board_writes_text_lines(tmp_path: Path) -> None:
    text, ids = _served_log(tmp_path, "text", workers=1)
    lines = [line for line in text.splitlines() if line.strip()]
    strangers = [line for line in lines if not _TEXT_LINE.fullmatch(line)]
    assert not strangers, f"lines not in the board's text format: {strangers}\n--- whole log ---\n{text}"
    assert any(f"jobboard.access [{ids['/jobs']}] GET /jobs 200" in line for line in lines)
    assert any("uvicorn.error [-] Started server process" in line for line in lines)
    _assert_private(text)
