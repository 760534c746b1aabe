"""A board for the load run: a fresh PostgreSQL database, the job table imported with the CLI, seekers."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url
from sqlmodel import col, select

from jobboard.jobs.models import Job
from tests.databases import libpq_url
from tests.live.board import create_seekers, engine_for, job_rows
from tests.live.nodes import BoardNode

PREFIX = "LOAD"


def create_database(server_url: str) -> str:
    name = f"jb_load_{secrets.token_hex(4)}"
    with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return libpq_url(make_url(server_url).set(database=name).render_as_string(hide_password=False))


def drop_database(server_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    assert name and name.startswith("jb_load_")
    with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class LoadBoard:
    node: BoardNode
    job_ids: list[int]
    titles: list[str]
    seekers: list[str]
    import_seconds: float


def prepare(node: BoardNode, folder: Path, jobs: int, seekers: int) -> LoadBoard:
    migrated = node.command("migrate")
    if migrated.returncode != 0:
        raise RuntimeError(migrated.stderr)
    table = folder / "jobs.jsonl"
    with table.open("w", encoding="utf-8") as out:
        for row in job_rows(jobs, prefix=PREFIX):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    began = time.monotonic()
    imported = node.command("import-jobs", str(table))  # also builds the node's index
    import_seconds = time.monotonic() - began
    if imported.returncode != 0:
        raise RuntimeError(imported.stderr[-2000:])
    database_url = node.env["JOBBOARD_DATABASE_URL"]
    with engine_for(database_url) as engine:
        emails = create_seekers(engine, seekers, prefix="load-seeker")
        with engine.connect() as connection:
            rows = connection.execute(
                select(Job.id, Job.title).where(col(Job.external_id).startswith(PREFIX)).order_by(Job.id)
            ).all()
    return LoadBoard(node, [row[0] for row in rows], [row[1] for row in rows], emails, import_seconds)
