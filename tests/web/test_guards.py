"""Nobody reaches what is not theirs: roles, tenants, CSRF."""

from __future__ import annotations

import pytest

from tests.web.conftest import Fair


def test_another_employer_sees_none_of_firm_a_applicants(fair: Fair) -> None:
    other = fair.employer_b
    assert other.get(f"/employer/jobs/{fair.job_id}/applications").status_code == 404
    assert other.get(f"/employer/applications/{fair.application_id}").status_code == 404
    assert other.get(f"/employer/applications/{fair.application_id}/resume").status_code == 404
    assert other.post(f"/employer/applications/{fair.application_id}/invite").status_code == 404
    assert other.get(f"/exports/applicants.csv?job={fair.job_id}").status_code == 404
    assert other.get(f"/exports/applicants.csv?company={fair.job_id}").status_code == 404
    own_export = other.get("/exports/applicants.csv").content.decode("utf-8-sig")
    assert "seeker@example.cn" not in own_export and len(own_export.strip().splitlines()) == 1


def test_another_employer_cannot_edit_or_close_firm_a_job(fair: Fair) -> None:
    other = fair.employer_b
    assert other.get(f"/employer/jobs/{fair.job_id}/edit").status_code == 404
    assert other.post(f"/employer/jobs/{fair.job_id}/close").status_code == 404
    assert fair.seeker.get(f"/jobs/{fair.job_id}").status_code == 200


@pytest.mark.parametrize(
    "path", ["/employer", "/employer/jobs/new", "/staff", "/staff/companies", "/staff/jobs"]
)
def test_job_seeker_is_refused_employer_and_staff_pages(fair: Fair, path: str) -> None:
    response = fair.seeker.get(path)
    assert response.status_code == 403
    assert "not allowed" in response.text or "无权" in response.text


@pytest.mark.parametrize("path", ["/staff", "/staff/companies", "/staff/jobs"])
def test_employer_is_refused_staff_pages(fair: Fair, path: str) -> None:
    assert fair.employer_a.get(path).status_code == 403


def test_staff_actions_refused_to_employer(fair: Fair) -> None:
    other_job = fair.employer_a.post_job("待审核岗位")
    assert other_job.status_code == 200
    assert fair.employer_a.post(f"/staff/jobs/{fair.job_id}/approve").status_code == 403


@pytest.mark.parametrize("path", ["/me/applications", "/employer", "/staff", "/exports", "/jobs/1/apply"])
def test_anonymous_visitor_is_sent_to_login(visitor, path: str) -> None:
    response = visitor().get(path, follow_redirects=False)
    assert response.status_code in (302, 303)
    assert response.headers["location"].startswith("/login?next=")


def test_anonymous_export_is_refused(visitor) -> None:
    assert visitor().get("/exports/applicants.csv", follow_redirects=False).status_code in (302, 303)


def test_form_without_csrf_token_is_refused(fair: Fair) -> None:
    response = fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close", csrf=False)
    assert response.status_code == 403
    assert fair.seeker.get(f"/jobs/{fair.job_id}").status_code == 200  # nothing happened


def test_login_form_without_csrf_token_is_refused(visitor) -> None:
    assert (
        visitor().post("/login", {"email": "x@example.cn", "password": "whatever1"}, csrf=False).status_code
        == 403
    )


def test_seeker_cannot_withdraw_someone_elses_application(fair: Fair, visitor) -> None:
    intruder = visitor()
    intruder.register_seeker("intruder@example.cn")
    assert intruder.post(f"/me/applications/{fair.application_id}/withdraw").status_code == 404
    assert intruder.get(f"/me/applications/{fair.application_id}/resume").status_code == 404
