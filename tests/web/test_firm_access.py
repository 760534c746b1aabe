"""A firm that is not approved sees no applicant, resume or export, from the very next request."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from jobboard.applications.models import Application, ApplicationStatus
from jobboard.companies.services import CompanyService
from jobboard.core.db import open_session
from jobboard.jobs.models import Job
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair, Visitor

# Every route that shows a firm its applicants: {job} and {application} are filled in per test.
APPLICANT_ROUTES = [
    "/employer/jobs/{job}/applications",
    "/employer/applications/{application}",
    "/employer/applications/{application}/decline",
    "/employer/applications/{application}/resume",
    "/exports/",
    "/exports/applicants?format=csv",
    "/exports/applicants.csv",
    "/exports/applicants.xlsx",
    "/exports/resumes.zip",
    "/exports/applicants.csv?job={job}",
]


def _company_id(fair: Fair, name: str = "长春甲光电有限公司") -> int:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        company = CompanyService(session).find_by_name(name)
        assert company is not None and company.id is not None
        return company.id


def _url(fair: Fair, route: str) -> str:
    return route.format(job=fair.job_id, application=fair.application_id)


def _suspend(fair: Fair) -> None:
    response = fair.staff.post(f"/staff/companies/{_company_id(fair)}/suspend", {"reason": "冒用他人名义"})
    assert response.status_code == 200


@pytest.mark.parametrize("route", APPLICANT_ROUTES)
def test_a_suspended_firm_gets_404_on_the_next_request(fair: Fair, route: str) -> None:
    employer = fair.employer_a
    assert employer.get(_url(fair, route)).status_code == 200  # and the account is now in the user cache
    _suspend(fair)
    response = employer.get(_url(fair, route))
    assert response.status_code == 404
    assert "李明" not in response.text


def test_a_suspended_firm_cannot_move_an_applicant(fair: Fair) -> None:
    assert fair.employer_a.get("/employer").status_code == 200
    _suspend(fair)
    response = fair.employer_a.post(f"/employer/applications/{fair.application_id}/invite")
    assert response.status_code == 404
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        application = session.get_one(Application, fair.application_id)
        assert application.status == ApplicationStatus.SUBMITTED


def test_the_suspended_firms_home_shows_its_jobs_but_no_applicants(fair: Fair) -> None:
    _suspend(fair)
    home = fair.employer_a.get("/employer", headers={"Accept-Language": "en"}).text
    assert "激光器研发工程师" in home
    assert f"/employer/jobs/{fair.job_id}/applications" not in home and "1 applicant" not in home
    assert 'href="/exports"' not in home.split("<main", 1)[-1]


def test_reinstated_the_firm_sees_its_applicants_again(fair: Fair) -> None:
    _suspend(fair)
    assert fair.staff.post(f"/staff/companies/{_company_id(fair)}/reinstate").status_code == 200
    page = fair.employer_a.get(_url(fair, "/employer/jobs/{job}/applications"))
    assert page.status_code == 200 and "李明" in page.text


def test_another_firm_is_untouched_by_a_suspension(fair: Fair) -> None:
    _suspend(fair)
    assert fair.employer_b.get("/exports/applicants.csv").status_code == 200


def test_a_pending_firm_sees_its_own_jobs_but_has_no_applicants(
    fair: Fair, visitor: Callable[[], Visitor]
) -> None:
    pending = visitor()
    assert pending.register_employer("hr@c.example.cn", "长春丙激光有限公司").status_code == 200
    assert pending.post_job("光学设计工程师").status_code == 200
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        job_id = session.exec(select(Job.id).where(Job.title == "光学设计工程师")).one()
    assert "光学设计工程师" in pending.get("/employer").text
    assert pending.get("/exports/").status_code == 404
    assert pending.get("/exports/applicants.csv").status_code == 404
    assert pending.get(f"/employer/jobs/{job_id}/applications").status_code == 404
