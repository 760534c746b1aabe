"""A withdrawn application leaves the firm (pipeline, resume, exports); the record that it happened stays."""

from __future__ import annotations

from io import BytesIO
from zipfile import ZipFile

from sqlmodel import select

from jobboard.applications.models import Application, ApplicationStatus
from jobboard.applications.services import kept_resume_keys
from jobboard.core.db import open_session
from jobboard.jobs.models import Job
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair

LETTER = "我对激光器研发很感兴趣，附上我的简历。"


def _resume_file_exists(fair: Fair, key: str) -> bool:
    return (BoardPlugin.state_of(fair.app).settings.upload_dir / "resumes" / key).exists()


def test_the_firm_loses_every_view_of_a_withdrawn_application(fair: Fair) -> None:
    employer = fair.employer_a
    before = employer.get("/exports/applicants.csv").text
    assert "李明" in before
    assert fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw").status_code == 200
    pipeline = employer.get(f"/employer/jobs/{fair.job_id}/applications")
    assert pipeline.status_code == 200 and "李明" not in pipeline.text
    for url in (
        f"/employer/applications/{fair.application_id}",
        f"/employer/applications/{fair.application_id}/resume",
        f"/employer/applications/{fair.application_id}/decline",
    ):
        assert employer.get(url).status_code == 404, url
    assert "李明" not in employer.get("/exports/applicants.csv").text
    assert "李明" not in fair.staff.get("/exports/applicants.csv").text  # nobody exports what is gone
    company_id = _application_company(fair)
    archive = ZipFile(BytesIO(employer.get(f"/exports/resumes.zip?company={company_id}").content))
    assert not [name for name in archive.namelist() if name.endswith(".pdf")]


def test_withdrawing_deletes_the_resume_and_letter_and_keeps_the_record(fair: Fair) -> None:
    other = fair.seeker  # applies with a letter to a second job, then withdraws it
    job_id = fair.publish(fair.employer_a, "光学设计工程师")
    assert other.apply(job_id, cover_letter=LETTER).status_code == 200
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        application = session.exec(select(Application).where(Application.job_id == job_id)).one()
    assert application.cover_letter == LETTER and _resume_file_exists(fair, application.resume_key)
    assert other.post(f"/me/applications/{application.id}/withdraw").status_code == 200
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        kept = session.get_one(Application, application.id)
        assert kept.status == ApplicationStatus.WITHDRAWN
        erased = [kept.cover_letter, kept.applicant_phone, kept.resume_filename, kept.resume_size]
        assert erased == ["", "", "", 0]
        assert kept.applicant_name == "李明"  # whose record it is
        assert kept.created_at == application.created_at and kept.job_id == job_id  # that it happened
        assert kept.resume_key not in kept_resume_keys(session)
    assert not _resume_file_exists(fair, application.resume_key)
    assert other.get(f"/me/applications/{application.id}/resume").status_code == 404
    mine = other.get("/me/applications").text
    assert f"/me/applications/{application.id}/resume" not in mine
    assert f"/me/applications/{fair.application_id}/resume" in mine  # the other one is untouched


def test_the_firms_home_no_longer_counts_a_withdrawn_applicant(fair: Fair) -> None:
    english = {"Accept-Language": "en"}
    assert "1 applicant" in fair.employer_a.get("/employer", headers=english).text
    assert fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw").status_code == 200
    assert "0 applicants" in fair.employer_a.get("/employer", headers=english).text


def _application_company(fair: Fair) -> int:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return session.get_one(Job, fair.job_id).company_id
