"""Only fair staff reach staff pages: job seekers and employers are refused, visitors sent to sign in."""

from __future__ import annotations

import pytest

from tests.staff.conftest import Fair, Visitor, upload

STAFF_PAGES = [
    "/staff",
    "/staff/audit",
    "/staff/audit?action=approvals",
    "/staff/imports",
    "/staff/imports/template.xlsx",
    "/staff/companies",
    "/staff/jobs",
]
STAFF_FORMS = ["/staff/imports/confirm", "/staff/companies/1/approve", "/staff/jobs/1/approve"]


def refused(person: Visitor, path: str, method: str) -> int:
    if method == "upload":
        return upload(person, "jobs.csv", b"a,b\n1,2\n", url=path).status_code
    if method == "post":
        return person.post(path, {"upload": "x" * 32}).status_code
    return person.get(path).status_code


@pytest.mark.parametrize(
    ("path", "method"),
    [(path, "get") for path in STAFF_PAGES]
    + [(path, "post") for path in STAFF_FORMS]
    + [("/staff/imports", "upload")],
)
def test_non_staff_are_refused_every_staff_route(fair: Fair, visitor, path: str, method: str) -> None:
    assert refused(fair.seeker, path, method) == 403
    assert refused(fair.employer_a, path, method) == 403
    anonymous = visitor()
    if method == "get":
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code in (302, 303) and response.headers["location"].startswith("/login")
    else:
        assert refused(anonymous, path, method) in (401, 403)


def test_booth_pages_are_public(fair: Fair, visitor) -> None:
    assert visitor().get("/booths").status_code == 200
