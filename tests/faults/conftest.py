"""Fault tests: real nodes on PostgreSQL, hurt on purpose. Run them alone with ``pytest -m faults``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from jobboard.applications.models import Application
from jobboard.applications.resumes import ResumeStore
from tests.live.board import create_seekers, engine_for, import_jobs, job_rows
from tests.live.conftest import live_database_url, live_databases, redis_url  # noqa: F401  (fixtures)
from tests.live.nodes import BoardNode
from tests.live.private_postgres import PrivatePostgres, unavailable_reason


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: kills workers, the index writer, PostgreSQL (pytest -m faults)"
    )


@dataclass
class LiveBoard:
    node: BoardNode
    engine: Engine
    job_ids: list[int]
    seekers: list[str]
    extra_nodes: list[BoardNode] = field(default_factory=list)

    @property
    def resumes(self) -> ResumeStore:
        return ResumeStore(self.node.upload_dir)

    def resume_files(self) -> set[str]:
        folder = self.resumes.directory
        return (
            {path.name for path in folder.iterdir() if not path.name.startswith(".")}
            if folder.exists()
            else set()
        )

    def applications(self) -> list[Application]:
        with Session(self.engine) as session:
            return list(session.exec(select(Application)).all())

    def assert_every_application_has_its_resume(self) -> None:
        files = self.resume_files()
        for application in self.applications():
            assert application.resume_key in files, f"application {application.id} lost its resume"
            size = (self.resumes.directory / application.resume_key).stat().st_size
            assert size == application.resume_size, f"application {application.id}: resume cut short"


BoardFactory = Callable[..., LiveBoard]


def _board(
    database_url: str, folder: Path, redis: str | None, jobs: int, seekers: int
) -> Iterator[LiveBoard]:
    with engine_for(database_url) as engine:
        job_ids = import_jobs(engine, job_rows(jobs))
        emails = create_seekers(engine, seekers)
        node = BoardNode("node", folder, database_url, workers=2, redis_url=redis)
        try:
            node.start()
            node.wait_for("/readyz", 60)
            yield LiveBoard(node, engine, job_ids, emails)
        finally:
            node.stop()


@pytest.fixture
def live_board(live_database_url: str, tmp_path: Path, redis_url: str | None) -> Iterator[LiveBoard]:  # noqa: F811
    """A node with 2 workers on a fresh PostgreSQL database: 200 public jobs, 60 job seekers."""
    yield from _board(live_database_url, tmp_path, redis_url, jobs=200, seekers=60)


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"a private PostgreSQL server cannot be started: {reason}")
    server = PrivatePostgres().start()
    try:
        from jobboard.migrations.runner import upgrade

        upgrade("head", database_url=server.url)
        yield server
    finally:
        server.close()


@pytest.fixture
def board_on_private_postgres(
    private_postgres: PrivatePostgres,
    tmp_path: Path,
    redis_url: str | None,  # noqa: F811
) -> Iterator[LiveBoard]:
    # A job per application: the appliers must not run out of jobs before the outage is over.
    yield from _board(private_postgres.url, tmp_path, redis_url, jobs=600, seekers=60)
