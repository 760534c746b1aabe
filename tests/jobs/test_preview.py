"""Employers preview their own draft, pending or revised job as the public will read it (issue 11, item 12);
staff publishing a job of a firm not yet approved are told it goes public with the firm (item 11)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from jobboard.companies.models import Company
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.jobs.helpers import edit, job_row
from tests.web.conftest import Fair, sync_index


def _draft(fair: Fair) -> int:
    assert fair.employer_a.post_job("草稿光学工程师", intent="draft").status_code == 200
    return fair.job_id + 1


def test_the_owner_previews_a_draft_marked_as_a_preview(fair: Fair) -> None:
    job_id = _draft(fair)
    page = fair.employer_a.get(f"/employer/jobs/{job_id}/preview")
    assert page.status_code == 200
    assert "草稿光学工程师" in page.text and "<strong>预览</strong>" in page.text
    assert "目前尚未公开：草稿" in page.text and '<meta name="robots" content="noindex">' in page.text
    assert "负责光纤激光器的研发与测试。" in page.text  # the posting as the public page renders it
    assert fair.seeker.get(f"/jobs/{job_id}").status_code == 404


def test_nobody_else_sees_the_preview(fair: Fair) -> None:
    job_id = _draft(fair)
    assert fair.employer_b.get(f"/employer/jobs/{job_id}/preview").status_code == 404
    assert fair.seeker.get(f"/employer/jobs/{job_id}/preview").status_code == 403


def test_the_preview_shows_changes_waiting_for_review(fair: Fair) -> None:
    assert edit(fair.employer_a, fair.job_id, title="光纤激光器研发主管").status_code == 200
    page = fair.employer_a.get(f"/employer/jobs/{fair.job_id}/preview").text
    assert "光纤激光器研发主管" in page and "在此之前，公众看到的仍是已发布的版本" in page
    sync_index(fair.app)
    assert "光纤激光器研发主管" not in fair.seeker.get(f"/jobs/{fair.job_id}").text


def test_dashboard_titles_link_to_the_public_page_or_the_preview(fair: Fair) -> None:
    job_id = _draft(fair)
    dashboard = fair.employer_a.get("/employer").text
    assert f'<a href="/jobs/{fair.job_id}">' in dashboard
    assert f'<a href="/employer/jobs/{job_id}/preview">' in dashboard


def _company_id(fair: Fair, name: str) -> int:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return session.exec(select(Company.id).where(Company.name_zh == name)).one()


def test_publishing_a_job_of_a_firm_not_yet_approved_says_when_it_goes_public(
    fair: Fair, visitor: Any
) -> None:
    employer = visitor()
    employer.register_employer("hr@new.example.cn", "新注册光电公司", booth="C1-001")
    assert employer.post_job("新公司的岗位").status_code == 200
    job_id = fair.job_id + 1
    queue = fair.staff.get("/staff/jobs").text
    assert "该企业尚未通过审核：现在发布的职位将在企业通过审核后公开。" in queue
    answer = fair.staff.post(f"/staff/jobs/{job_id}/approve")
    assert "新公司的岗位：已发布；企业通过审核后即对外公开。" in answer.text
    sync_index(fair.app)
    assert fair.seeker.get(f"/jobs/{job_id}").status_code == 404
    company_id = _company_id(fair, "新注册光电公司")
    assert fair.staff.post(f"/staff/companies/{company_id}/approve").status_code == 200
    sync_index(fair.app)
    assert fair.seeker.get(f"/jobs/{job_id}").status_code == 200
    assert job_row(fair.app, job_id).title == "新公司的岗位"
