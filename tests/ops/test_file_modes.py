"""Files and folders the board creates are its owner's alone (0600 / 0700), whatever the umask it was
started with (issue 13, item 4): the database, resumes, the index, locks."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobboard.core.settings import Settings
from tests.live.nodes import JOBBOARD, node_environment
from tests.ops.conftest import Fair


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A shell that lets everyone read what it creates (umask 000), until the board starts."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def modes_under(*roots: Path) -> dict[str, int]:
    found = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            found[str(path)] = stat.S_IMODE(path.stat().st_mode)
    return found


def not_private(modes: dict[str, int]) -> dict[str, str]:
    return {path: oct(mode) for path, mode in modes.items() if mode & 0o077}


def test_a_board_started_under_umask_000_keeps_everything_private(
    open_umask: None, fair: Fair, settings: Settings
) -> None:
    # The fair's board has an account, a published (indexed) job and an application with its resume.
    assert any(settings.upload_dir.rglob("*.pdf"))
    # The test's database file is a copy the test harness made; the board made its -wal and -shm files
    # (the command test below has the board create a database).
    database = Path(settings.database_url.removeprefix("sqlite:///")) if settings.is_sqlite else None
    journals = [Path(f"{database}{end}") for end in ("-wal", "-shm")] if database else []
    modes = modes_under(
        settings.upload_dir, settings.index_dir, *[path for path in journals if path.exists()]
    )
    assert len(modes) > 5
    assert not_private(modes) == {}


def test_commands_started_under_umask_000_keep_the_database_private(tmp_path: Path) -> None:
    folder = tmp_path / "var"
    env = node_environment({"database_url": f"sqlite:///{folder / 'board.sqlite3'}"})
    done = subprocess.run(
        [str(JOBBOARD), "migrate"], env=env, capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: os.umask(0), check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    modes = modes_under(folder)
    assert str(folder / "board.sqlite3") in modes
    assert not_private(modes) == {}
