"""Real board processes for tests and benchmarks: ``jobboard serve`` on a free loopback port.

A node is one ``jobboard serve --workers N`` process (Uvicorn's supervisor and its N workers) with its own
index folder; nodes of one board share the database, the upload folder and Redis, as in production. Every
process is started in a session of its own and stopped by its id (the supervisor's process group).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import httpx

from jobboard.search.index.follower_lock import writer_pid

JOBBOARD = Path(sys.executable).with_name("jobboard")
# Rate limits are the subject of their own tests; here they would only turn load into 429s.
NO_RATE_LIMITS = ",".join(
    f"{rule}=1000000/60"
    for rule in ("login_account", "login_address", "register_address", "apply_account", "apply_address")
)
SECRET_KEY = "live-node-secret-key-0123456789-0123456789"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def node_environment(settings: dict[str, str]) -> dict[str, str]:
    """This process's environment without any JOBBOARD_* of the developer's, plus ``settings``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOBBOARD_")}
    env |= {
        "JOBBOARD_SECRET_KEY": SECRET_KEY,
        "JOBBOARD_RATE_LIMITS": NO_RATE_LIMITS,
        "PYTHONUNBUFFERED": "1",
    }
    return env | {f"JOBBOARD_{key.upper()}": value for key, value in settings.items()}


class BoardNode:
    def __init__(
        self,
        name: str,
        folder: Path,
        database_url: str,
        *,
        workers: int = 2,
        upload_dir: Path | None = None,
        redis_url: str | None = None,
        redis_namespace: str = "jblive",
        settings: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.folder = folder
        self.workers = workers
        self.port = free_port()
        self.index_dir = folder / f"{name}-index"
        self.upload_dir = upload_dir or folder / "uploads"
        self.log_path = folder / f"{name}.log"
        values = {
            "database_url": database_url,
            "index_dir": str(self.index_dir),
            "upload_dir": str(self.upload_dir),
            "base_url": self.url,
            "redis_namespace": redis_namespace,
        }
        if redis_url:
            values["redis_url"] = redis_url
        self.env = node_environment(values | (settings or {}))
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Runs ``jobboard ARGS`` with this node's settings (migrate, reindex, check-index, …)."""
        return subprocess.run(
            [str(JOBBOARD), *args], env=self.env, capture_output=True, text=True, timeout=300, check=False
        )

    def start(self, timeout: float = 60) -> BoardNode:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                str(JOBBOARD),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one, by its id
        )
        self.wait_for("/healthz", timeout)
        if self.workers > 1:
            self.wait_for_workers(self.workers, timeout)
        return self

    def wait_for(self, path: str, timeout: float, status: int = 200) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} exited:\n{self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + path, timeout=2).status_code == status:
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"node {self.name}: {path} not {status} after {timeout} s\n{self.log_tail()}"
                )
            time.sleep(0.05)

    def stop(self, timeout: float = 15) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> BoardNode:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # Its processes

    def worker_pids(self) -> list[int]:
        """Uvicorn's worker processes (children of the supervisor started with multiprocessing's spawn)."""
        if self.process is None:
            return []
        if self.workers == 1:
            return [self.process.pid]
        workers = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                cmdline = (entry / "cmdline").read_bytes()
            except (OSError, IndexError, ValueError):
                continue
            if parent == self.process.pid and b"spawn_main" in cmdline:
                workers.append(int(entry.name))
        return sorted(workers)

    def wait_for_workers(self, count: int, timeout: float = 30, without: int | None = None) -> list[int]:
        deadline = time.monotonic() + timeout
        while True:
            pids = [pid for pid in self.worker_pids() if pid != without and _alive(pid)]
            if len(pids) >= count:
                return pids
            if time.monotonic() > deadline:
                raise TimeoutError(f"node {self.name}: {len(pids)} of {count} workers\n{self.log_tail()}")
            time.sleep(0.05)

    def writer_pid(self) -> int | None:
        """The worker that holds the node's index writer lock (it writes its pid into the lock file)."""
        return writer_pid(self.index_dir)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def client(node: BoardNode, **options: Any) -> httpx.Client:
    return httpx.Client(base_url=node.url, timeout=options.pop("timeout", 30), **options)
