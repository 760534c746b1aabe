"""Closing a job asks first and says what it means; for ten minutes it can be undone straight back to
published without a new review, after that only reopened as a draft (issue 11, item 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobboard.core import clock
from jobboard.jobs import services
from jobboard.jobs.models import UNDO_CLOSE_WINDOW, Job, JobStatus
from tests.jobs.helpers import job_row, search_titles
from tests.web.conftest import Fair, sync_index

CLOSED_AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


class Clock:
    """The board's clock (``core.clock.utcnow``) as the job service and the dashboard read it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = CLOSED_AT
        monkeypatch.setattr(clock, "utcnow", lambda: self.now)
        monkeypatch.setattr(services, "utcnow", lambda: self.now)


def _close(fair: Fair) -> None:
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close", {"confirm": "yes"}).status_code == 200
    assert job_row(fair.app, fair.job_id).status == JobStatus.CLOSED


def test_close_without_confirming_asks_first_and_says_what_it_means(fair: Fair) -> None:
    dashboard = fair.employer_a.get("/employer").text
    assert f'href="/employer/jobs/{fair.job_id}/confirm-close"' in dashboard
    page = fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close")
    assert page.url.path == f"/employer/jobs/{fair.job_id}/confirm-close"
    assert "关闭后不再接受新的投递" in page.text and "10 分钟内可在企业主页撤销关闭" in page.text
    assert 'name="confirm" value="yes"' in page.text
    assert job_row(fair.app, fair.job_id).status == JobStatus.PUBLISHED
    assert fair.employer_b.get(f"/employer/jobs/{fair.job_id}/confirm-close").status_code == 404


def test_undo_within_the_window_publishes_again_without_review(
    fair: Fair, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(monkeypatch)
    published_at = job_row(fair.app, fair.job_id).published_at
    _close(fair)
    sync_index(fair.app)
    assert search_titles(fair, "激光器") == []
    clock.now = CLOSED_AT + UNDO_CLOSE_WINDOW
    assert f"/employer/jobs/{fair.job_id}/undo_close" in fair.employer_a.get("/employer").text
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/undo_close").status_code == 200
    job = job_row(fair.app, fair.job_id)
    assert (job.status, job.published_at, job.undo_close_until) == (JobStatus.PUBLISHED, published_at, None)
    sync_index(fair.app)
    assert search_titles(fair, "激光器") == ["激光器研发工程师"]


def test_after_the_window_only_reopening_as_draft_remains(
    fair: Fair, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(monkeypatch)
    _close(fair)
    clock.now = CLOSED_AT + UNDO_CLOSE_WINDOW + timedelta(seconds=1)
    response = fair.employer_a.post(f"/employer/jobs/{fair.job_id}/undo_close")
    assert "已超过撤销关闭的时限" in response.text
    assert job_row(fair.app, fair.job_id).status == JobStatus.CLOSED
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/reopen").status_code == 200
    assert job_row(fair.app, fair.job_id).status == JobStatus.DRAFT


def test_a_job_closed_before_it_was_published_cannot_skip_review(fair: Fair) -> None:
    assert fair.employer_a.post_job("待审核岗位").status_code == 200
    job_id = fair.job_id + 1
    assert job_row(fair.app, job_id).status == JobStatus.PENDING
    assert fair.employer_a.post(f"/employer/jobs/{job_id}/close", {"confirm": "yes"}).status_code == 200
    assert "已超过撤销关闭的时限" in fair.employer_a.post(f"/employer/jobs/{job_id}/undo_close").text
    assert job_row(fair.app, job_id).status == JobStatus.CLOSED


def test_the_window_is_the_jobs_own() -> None:
    job = Job(title="t", description="d", city="长春", company_id=1, status=JobStatus.CLOSED)
    assert not job.may_undo_close(CLOSED_AT)
    job.undo_close_until = CLOSED_AT + UNDO_CLOSE_WINDOW
    assert job.may_undo_close(CLOSED_AT + UNDO_CLOSE_WINDOW)
    assert not job.may_undo_close(CLOSED_AT + UNDO_CLOSE_WINDOW + timedelta(microseconds=1))
