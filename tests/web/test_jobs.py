"""Posting and moderating jobs: form errors, rejection with a reason, visibility (edits of published jobs:
tests/jobs/test_revisions.py)."""

from __future__ import annotations

from datetime import date, timedelta

from litestar import Litestar
from sqlmodel import select

from jobboard.core.db import open_session
from jobboard.jobs.models import Job, JobStatus
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair, sync_index


def _job(app: Litestar, title: str) -> Job:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return session.exec(select(Job).where(Job.title == title)).one()


def test_job_form_errors_are_shown_beside_fields_and_input_kept(fair: Fair) -> None:
    response = fair.employer_a.post_job(
        "",
        description="",
        salary_min="30000",
        salary_max="20000",
        headcount="many",
        education="doctorate",
    )
    assert response.status_code == 400
    text = response.text
    assert 'id="e-title"' in text and 'id="e-description"' in text
    assert 'id="e-salary_max"' in text and 'id="e-headcount"' in text and 'id="e-education"' in text
    assert 'value="30000"' in text and 'value="many"' in text


def test_salary_needs_both_ends_or_none(fair: Fair) -> None:
    assert fair.employer_a.post_job("只有下限", salary_min="8000", salary_max="").status_code == 400
    assert fair.employer_a.post_job("面议岗位", salary_min="", salary_max="").status_code == 200
    assert _job(fair.app, "面议岗位").salary_min is None


def test_deadline_in_the_past_is_refused(fair: Fair) -> None:
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    assert fair.employer_a.post_job("过期岗位", deadline=yesterday).status_code == 400


def test_rejection_reason_reaches_employer_then_resubmit(fair: Fair) -> None:
    assert fair.employer_a.post_job("待修改岗位").status_code == 200
    job = _job(fair.app, "待修改岗位")
    assert fair.staff.post(f"/staff/jobs/{job.id}/reject", {"reason": ""}).status_code == 200
    assert _job(fair.app, "待修改岗位").status == JobStatus.PENDING  # a reason is required
    assert fair.staff.post(f"/staff/jobs/{job.id}/reject", {"reason": "请补充薪资说明"}).status_code == 200
    assert _job(fair.app, "待修改岗位").status == JobStatus.REJECTED
    assert "请补充薪资说明" in fair.employer_a.get("/employer").text
    response = fair.employer_a.post(
        f"/employer/jobs/{job.id}/edit",
        {
            "title": "待修改岗位",
            "description": "补充了薪资说明。",
            "city": "长春",
            "salary_min": "9000",
            "salary_max": "12000",
            "intent": "submit",
        },
    )
    assert response.status_code == 200
    assert _job(fair.app, "待修改岗位").status == JobStatus.PENDING


def test_jobs_of_an_unapproved_company_are_never_public(app: Litestar, staff, visitor) -> None:
    employer = visitor()
    employer.register_employer("hr@pending.example.cn", "待审核光电公司")
    assert employer.post_job("待审核公司的岗位").status_code == 200
    job = _job(app, "待审核公司的岗位")
    assert staff.post(f"/staff/jobs/{job.id}/approve").status_code == 200
    sync_index(app)
    assert visitor().get(f"/jobs/{job.id}").status_code == 404
    assert visitor().get("/api/jobs", params={"q": "待审核"}).json()["items"] == []


def test_state_machine_refuses_steps_not_in_the_table(fair: Fair) -> None:
    assert fair.staff.post(f"/staff/jobs/{fair.job_id}/approve").status_code == 409  # already published
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/reopen").status_code == 409
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/approve").status_code == 403  # staff's step
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/launch").status_code == 400  # no such step


def test_drafts_stay_private(fair: Fair) -> None:
    assert fair.employer_a.post_job("草稿岗位", intent="draft").status_code == 200
    job = _job(fair.app, "草稿岗位")
    assert job.status == JobStatus.DRAFT
    assert "草稿岗位" not in fair.staff.get("/staff/jobs").text
    assert fair.seeker.get(f"/jobs/{job.id}").status_code == 404
