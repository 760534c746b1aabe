"""Editing a published job keeps it public: the changes wait beside it as a revision for staff to review,
and openings, deadline and contact go live at once (issue 11, item 3)."""

from __future__ import annotations

from jobboard.jobs.models import JobStatus, RevisionStatus
from tests.jobs.helpers import edit, job_row, revisions_of, search_titles
from tests.web.conftest import Fair, sync_index

OLD, NEW = "激光器研发工程师", "光纤激光器研发主管"


def _propose_new_title(fair: Fair) -> int:
    assert edit(fair.employer_a, fair.job_id, title=NEW).status_code == 200
    sync_index(fair.app)
    (revision,) = revisions_of(fair.app, fair.job_id)
    assert revision.status == RevisionStatus.PENDING and revision.title == NEW
    return revision.id or 0


def test_a_new_title_waits_for_review_while_the_published_job_stays_public(fair: Fair) -> None:
    _propose_new_title(fair)
    assert job_row(fair.app, fair.job_id).status == JobStatus.PUBLISHED
    page = fair.seeker.get(f"/jobs/{fair.job_id}")
    assert page.status_code == 200 and OLD in page.text and NEW not in page.text
    assert search_titles(fair, "激光器") == [OLD]

    dashboard = fair.employer_a.get("/employer").text
    assert "您的修改正在等待审核" in dashboard and f"/employer/jobs/{fair.job_id}/preview" in dashboard
    moderation = fair.staff.get("/staff/jobs").text
    assert "已发布职位的待审核修改（1）" in moderation
    assert f'<del class="prose">{OLD}</del>' in moderation and f'<ins class="prose">{NEW}</ins>' in moderation


def test_approved_changes_go_onto_the_live_posting_and_the_index(fair: Fair) -> None:
    revision_id = _propose_new_title(fair)
    assert fair.staff.post(f"/staff/jobs/revisions/{revision_id}/approve").status_code == 200
    sync_index(fair.app)
    assert NEW in fair.seeker.get(f"/jobs/{fair.job_id}").text
    assert search_titles(fair, "主管") == [NEW]
    assert job_row(fair.app, fair.job_id).status == JobStatus.PUBLISHED
    assert revisions_of(fair.app, fair.job_id)[0].status == RevisionStatus.APPROVED
    assert "您的修改正在等待审核" not in fair.employer_a.get("/employer").text


def test_rejected_changes_keep_the_live_posting_and_tell_the_employer_why(fair: Fair) -> None:
    revision_id = _propose_new_title(fair)
    path = f"/staff/jobs/revisions/{revision_id}/reject"
    assert fair.staff.post(path, {"reason": ""}).status_code == 200
    assert revisions_of(fair.app, fair.job_id)[0].status == RevisionStatus.PENDING  # a reason is required
    assert fair.staff.post(path, {"reason": "职位名称与职责不符"}).status_code == 200
    assert revisions_of(fair.app, fair.job_id)[0].status == RevisionStatus.REJECTED
    sync_index(fair.app)
    assert OLD in fair.seeker.get(f"/jobs/{fair.job_id}").text
    dashboard = fair.employer_a.get("/employer").text
    assert "您的修改未获通过" in dashboard and "职位名称与职责不符" in dashboard
    assert fair.staff.post(f"/staff/jobs/revisions/{revision_id}/approve").status_code == 409


def test_openings_change_at_once_without_review(fair: Fair) -> None:
    assert (
        edit(fair.employer_a, fair.job_id, headcount="5", contact_email="hr@a.example.cn").status_code == 200
    )
    sync_index(fair.app)
    job = job_row(fair.app, fair.job_id)
    assert (job.status, job.headcount, job.contact_email) == (JobStatus.PUBLISHED, 5, "hr@a.example.cn")
    assert revisions_of(fair.app, fair.job_id) == []
    assert "<dd>5</dd>" in fair.seeker.get(f"/jobs/{fair.job_id}").text
    assert "已发布职位的待审核修改（0）" in fair.staff.get("/staff/jobs").text


def test_editing_again_amends_the_waiting_changes_and_editing_back_withdraws_them(fair: Fair) -> None:
    _propose_new_title(fair)
    assert edit(fair.employer_a, fair.job_id, title=NEW, city="武汉").status_code == 200
    (revision,) = revisions_of(fair.app, fair.job_id)
    assert (revision.status, revision.city) == (RevisionStatus.PENDING, "武汉")
    form = fair.employer_a.get(f"/employer/jobs/{fair.job_id}/edit").text
    assert f'value="{NEW}"' in form  # the form starts from the waiting changes
    assert edit(fair.employer_a, fair.job_id).status_code == 200
    assert revisions_of(fair.app, fair.job_id)[0].status == RevisionStatus.WITHDRAWN


def test_reopening_as_draft_withdraws_waiting_changes(fair: Fair) -> None:
    _propose_new_title(fair)
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close", {"confirm": "yes"}).status_code == 200
    assert "已发布职位的待审核修改（0）" in fair.staff.get("/staff/jobs").text  # not while the job is closed
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/reopen").status_code == 200
    assert job_row(fair.app, fair.job_id).status == JobStatus.DRAFT
    assert revisions_of(fair.app, fair.job_id)[0].status == RevisionStatus.WITHDRAWN
