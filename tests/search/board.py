"""A real board for search tests: SQLite in a temporary folder, companies and jobs made directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import SQLModel

import jobboard.models  # noqa: F401  (registers every table)
from jobboard.companies.models import Company, CompanyStatus, Segment
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.outbox import enqueue_for_indexing
from jobboard.jobs.models import Education, Job, JobStatus, JobType

_numbers = count(1)


def make_engine(folder: Path) -> Engine:
    engine = create_db_engine(f"sqlite:///{folder / 'board.sqlite3'}")
    SQLModel.metadata.create_all(engine)
    return engine


def add_company(engine: Engine, name: str = "", **fields: Any) -> Company:
    values: dict[str, Any] = {
        "name_zh": name or f"长春测试光电有限公司{next(_numbers)}",
        "segment": Segment.OPTICS,
        "status": CompanyStatus.APPROVED,
    }
    values.update(fields)
    with open_session(engine) as session:
        company = Company(**values)
        session.add(company)
        session.commit()
        return company


def add_job(engine: Engine, company: Company, title: str, **fields: Any) -> Job:
    """A published job and its outbox row, in one transaction as the services do."""
    number = next(_numbers)
    values: dict[str, Any] = {
        "company_id": company.id,
        "title": title,
        "description": fields.pop("description", "负责相关工作。"),
        "city": "长春",
        "education": Education.BACHELOR,
        "job_type": JobType.FULL_TIME,
        "status": JobStatus.PUBLISHED,
        "published_at": datetime.now(UTC) - timedelta(days=1) + timedelta(seconds=number),
    }
    values.update(fields)
    with open_session(engine) as session:
        job = Job(**values)
        session.add(job)
        session.flush()
        assert job.id is not None
        enqueue_for_indexing(session, [job.id])
        session.commit()
        return job


def update_job(engine: Engine, job_id: int, **fields: Any) -> None:
    with open_session(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        for name, value in fields.items():
            setattr(job, name, value)
        session.add(job)
        enqueue_for_indexing(session, [job_id])
        session.commit()
