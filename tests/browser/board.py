"""The board the browser tests drive: Uvicorn on a free loopback port over a temporary SQLite database,
index and uploads, with the demo data, and a seeder that adds records through the board's own services."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
STAFF = ("staff@demo.example.cn", "demo-staff-2026")
PASSWORD = "browser-test-2026"  # every account the seeder makes

# The server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class BoardServer:
    url: str
    env: dict[str, str]
    log: Path

    @property
    def database_url(self) -> str:
        return self.env["JOBBOARD_DATABASE_URL"]


def _jobboard(env: dict[str, str], *args: str) -> str:
    command = [str(Path(sys.executable).with_name("jobboard")), *args]
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


# Seeding through the board's own services, into the server's database


class Seeder:
    """Firms, jobs, job seekers and applications made with the services, as the demo loader does."""

    def __init__(self, server: BoardServer) -> None:
        from jobboard.core.db import create_db_engine
        from jobboard.core.settings import Settings

        self.settings = Settings(
            database_url=server.database_url,
            index_dir=Path(server.env["JOBBOARD_INDEX_DIR"]),
            upload_dir=Path(server.env["JOBBOARD_UPLOAD_DIR"]),
            secret_key=server.env["JOBBOARD_SECRET_KEY"],
            base_url=server.url,
        )
        self.engine = create_db_engine(server.database_url)

    def _session(self) -> Any:
        from jobboard.core.db import open_session

        return open_session(self.engine)

    def _user(self, session: Any, email: str) -> Any:
        from sqlmodel import select

        from jobboard.accounts.models import User

        return session.exec(select(User).where(User.email == email)).one()

    def employer(self, email: str, name_zh: str, name_en: str = "", *, approved: bool = True) -> int:
        """A firm with its first member; approved by the demo staff unless told otherwise. Its id."""
        from jobboard.companies.models import CompanyAction
        from jobboard.companies.services import CompanyService, EmployerSignup

        with self._session() as session:
            signup = EmployerSignup(
                email=email, password=PASSWORD, contact_name="王芳", name_zh=name_zh, name_en=name_en,
                segment="optics", city="长春", hall="B2",
                description_zh="专注于激光器与光学元件的研发和生产。",
            )  # fmt: skip
            user = CompanyService(session).register_employer(signup, verified=True)
            assert user is not None
            company_id = user.company_id
            if approved:
                service = CompanyService(session)
                service.transition(
                    service.get(company_id), CompanyAction.APPROVE, self._user(session, STAFF[0])
                )
        return company_id

    def job(self, employer_email: str, title: str, *, publish: bool = True, **fields: Any) -> int:
        from jobboard.companies.services import CompanyService
        from jobboard.jobs.models import JobAction, JobPosting
        from jobboard.jobs.services import JobService

        values = {
            "title": title, "description": "负责激光器的研发、测试与量产导入。\n熟悉光路设计。",
            "requirements": "光学、物理或相关专业本科及以上学历。", "city": "长春", "job_type": "full_time",
            "education": "bachelor", "experience": "1-3", "salary_min": 15000, "salary_max": 25000,
            "salary_months": 14, "headcount": 2, "deadline": date.today() + timedelta(days=60),
        } | fields  # fmt: skip
        with self._session() as session:
            employer = self._user(session, employer_email)
            company = CompanyService(session).get(employer.company_id)
            job = JobService(session).create(company, JobPosting(**values), employer, submit=True)
            job_id = job.id
            if publish:
                JobService(session).transition(job_id, JobAction.APPROVE, self._user(session, STAFF[0]))
        return job_id

    def seeker(self, email: str, name: str) -> None:
        from jobboard.accounts.services import AccountService, SeekerSignup

        with self._session() as session:
            AccountService(session).register_seeker(
                SeekerSignup(email=email, password=PASSWORD, full_name=name, phone="13800000000"),
                verified=True,
            )

    def application(self, seeker_email: str, job_id: int) -> int:
        from jobboard.applications.resumes import ResumeStore
        from jobboard.applications.services import ApplicationService, ResumeUpload

        with self._session() as session:
            service = ApplicationService(session, ResumeStore(self.settings.upload_dir))
            application = service.apply(
                self._user(session, seeker_email),
                job_id,
                ResumeUpload("简历.pdf", pdf_bytes()),
                "",
                consent=True,
            )
            return application.id

    def wait_until_found(self, query: str, *job_ids: int, timeout: float = 20) -> None:
        """Until the server's index follower has applied the outbox: search finds every one of ``job_ids``."""
        url = f"{self.settings.base_url}/api/jobs?{urllib.parse.urlencode({'q': query, 'per_page': 100})}"
        deadline = time.monotonic() + timeout
        while True:
            with urllib.request.urlopen(url, timeout=5) as response:
                found = {item["id"] for item in json.load(response)["items"]}
            if set(job_ids) <= found:
                return
            assert time.monotonic() < deadline, f"search for {query!r} never found jobs {job_ids}"
            time.sleep(0.2)

    def close(self) -> None:
        self.engine.dispose()


def pdf_bytes() -> bytes:
    from tests.web.conftest import pdf_bytes as blank_pdf

    return blank_pdf()


@contextmanager
def serve_board(folder: Path, **settings: str) -> Iterator[BoardServer]:
    """`jobboard migrate`, the demo data, then the app factory under Uvicorn, as `make run` does.
    ``settings``: more of its environment (``JOBBOARD_SMTP_URL=…``)."""
    port = _free_port()
    env = os.environ | {
        "JOBBOARD_DATABASE_URL": f"sqlite:///{folder / 'board.sqlite3'}",
        "JOBBOARD_INDEX_DIR": str(folder / "index"),
        "JOBBOARD_UPLOAD_DIR": str(folder / "uploads"),
        "JOBBOARD_SECRET_KEY": "browser-tests-secret-key-0123456789-abcdefghij",
        "JOBBOARD_BASE_URL": f"http://127.0.0.1:{port}",
        **settings,
    }
    env.pop("JOBBOARD_REDIS_URL", None)
    _jobboard(env, "migrate")
    _jobboard(env, "demo-data")
    log = folder / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "jobboard.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
            env=env, cwd=REPO_ROOT, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/jobs", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the board did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield BoardServer(url=url, env=env, log=log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
