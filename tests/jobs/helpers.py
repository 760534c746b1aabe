"""What the job tests share: the posted form as the employer would send it again, and reading rows."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from sqlmodel import select

from jobboard.core.db import open_session
from jobboard.jobs.models import Job, JobRevision
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair, Visitor

# Visitor.post_job's form: an edit that changes nothing but what a test names.
POSTED = {
    "title": "激光器研发工程师",
    "title_en": "",
    "description": "负责光纤激光器的研发与测试。",
    "requirements": "光学相关专业",
    "city": "长春",
    "job_type": "full_time",
    "education": "bachelor",
    "experience": "any",
    "salary_min": "15000",
    "salary_max": "25000",
    "salary_months": "14",
    "headcount": "2",
    "intent": "submit",
}


def edit(employer: Visitor, job_id: int, **changes: Any) -> Any:
    return employer.post(f"/employer/jobs/{job_id}/edit", POSTED | changes)


def job_row(app: Litestar, job_id: int) -> Job:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return session.get_one(Job, job_id)


def revisions_of(app: Litestar, job_id: int) -> list[JobRevision]:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return list(session.exec(select(JobRevision).where(JobRevision.job_id == job_id)).all())


def search_titles(fair: Fair, words: str) -> list[str]:
    return [item["title"] for item in fair.seeker.get("/api/jobs", params={"q": words}).json()["items"]]
