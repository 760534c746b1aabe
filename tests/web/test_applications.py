"""Applying: consent, PDF checks, one application per job, withdrawal, and the employer pipeline."""

from __future__ import annotations

from litestar import Litestar
from sqlmodel import select

from jobboard.applications.models import Application, ApplicationStatus
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair, pdf_bytes


def _applications(app: Litestar) -> list[Application]:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return list(session.exec(select(Application)).all())


def _resume_files(fair: Fair) -> list[str]:
    folder = BoardPlugin.state_of(fair.app).settings.upload_dir / "resumes"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_second_application_to_the_same_job_returns_to_my_applications_with_a_message(fair: Fair) -> None:
    response = fair.seeker.apply(fair.job_id, follow_redirects=False)
    assert response.status_code in (302, 303) and response.headers["location"] == "/me/applications"
    page = fair.seeker.get("/me/applications")
    assert "您已经申请过这个职位。" in page.text  # the flash, on the list where the first one is
    assert len(_applications(fair.app)) == 1 and len(_resume_files(fair)) == 1


def test_a_renamed_non_pdf_is_refused_and_nothing_is_stored(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("p@example.cn")
    for content in (b"MZ\x90\x00 this is an exe", b"", b"%PDF-1.7 but garbage", b"<html>%PDF-</html>"):
        response = person.apply(fair.job_id, content=content, filename="resume.pdf")
        assert response.status_code == 400, content
    assert len(_applications(fair.app)) == 1 and len(_resume_files(fair)) == 1


def test_a_resume_over_5_mb_is_refused(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("big@example.cn")
    big = pdf_bytes() + b"%" + b"0" * (5 * 1024 * 1024)
    response = person.apply(fair.job_id, content=big)
    assert response.status_code in (400, 413)
    assert len(_applications(fair.app)) == 1


def test_consent_is_required(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("noconsent@example.cn")
    response = person.apply(fair.job_id, consent=False, cover_letter="求职信内容")
    assert response.status_code == 400
    assert "求职信内容" in response.text  # what was typed is kept
    assert len(_applications(fair.app)) == 1


def test_consent_records_the_receiving_company(fair: Fair) -> None:
    (application,) = _applications(fair.app)
    assert application.consent_recipient.startswith("长春甲光电有限公司")
    assert application.applicant_email == "seeker@example.cn"


def test_withdraw_then_no_further_steps(fair: Fair) -> None:
    assert fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw").status_code == 200
    assert _applications(fair.app)[0].status == ApplicationStatus.WITHDRAWN
    response = fair.employer_a.post(f"/employer/applications/{fair.application_id}/invite")
    assert response.status_code == 404  # the firm no longer sees it at all


def test_pipeline_moves_through_allowed_steps_only(fair: Fair) -> None:
    employer = fair.employer_a
    assert employer.post(f"/employer/applications/{fair.application_id}/hire").status_code == 409
    for action, status in (
        ("view", "viewed"),
        ("invite", "interview"),
        ("offer", "offer"),
        ("hire", "hired"),
    ):
        assert employer.post(f"/employer/applications/{fair.application_id}/{action}").status_code == 200
        assert _applications(fair.app)[0].status == status
    assert employer.post(f"/employer/applications/{fair.application_id}/nonsense").status_code == 400


def test_closed_job_refuses_applications(fair: Fair, visitor) -> None:
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close", {"confirm": "yes"}).status_code == 200
    person = visitor()
    person.register_seeker("late@example.cn")
    response = person.apply(fair.job_id)
    assert response.status_code == 409
    assert fair.seeker.get(f"/jobs/{fair.job_id}").status_code == 404


def test_employer_cannot_apply(fair: Fair) -> None:
    assert fair.employer_b.apply(fair.job_id).status_code == 403


def test_seeker_downloads_own_resume(fair: Fair) -> None:
    response = fair.seeker.get(f"/me/applications/{fair.application_id}/resume")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
