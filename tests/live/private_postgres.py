"""A PostgreSQL server of a test's own (initdb in a temporary folder, a free port), to restart at will.

Restarting the machine's shared server would break whatever else is using it. PostgreSQL refuses to run
as root, so when the tests run as root the cluster belongs to the ``postgres`` user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.live.nodes import free_port

PG_ROOT = Path("/usr/lib/postgresql")


def pg_bin() -> Path | None:
    """The newest installed server's bin folder (Debian's layout), or None."""
    versions = sorted(
        (path for path in PG_ROOT.glob("*/bin") if (path / "initdb").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else None


def unavailable_reason() -> str | None:
    if pg_bin() is None:
        return f"no PostgreSQL server binaries under {PG_ROOT}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to own a private cluster"
    return None


class PrivatePostgres:
    def __init__(self) -> None:
        binaries = pg_bin()
        assert binaries is not None
        self.bin = binaries
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="jb-pg-"))  # not under pytest's root-only tmp folders
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._owner: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._owner = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/board"

    def _run(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            [*self._owner, *args], check=True, capture_output=True, timeout=timeout, cwd=self.folder
        )

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, *args)

    def start(self) -> PrivatePostgres:
        if not self.data.exists():
            self._run(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            )
            self._ctl("-w", "start")
            self._run(
                str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "board"
            )
        else:
            self._ctl("-w", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-w", "-m", mode, "stop")

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # not running
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
