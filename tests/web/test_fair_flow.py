"""The fair's main story through HTTP: register, approve, post, moderate, find, apply, review, export."""

from __future__ import annotations

import csv
import io
import re

from litestar import Litestar

from tests.web.conftest import Visitor, sync_index


def _job_id_from_employer_home(employer: Visitor, title: str) -> int:
    page = employer.get("/employer").text
    match = re.search(r"/employer/jobs/(\d+)/edit", page[page.index(title) :])
    assert match, f"{title} not listed on the employer's home"
    return int(match.group(1))


def test_employer_to_seeker_to_export(app: Litestar, staff: Visitor, visitor) -> None:
    employer = visitor()
    home = employer.register_employer(
        "hr@guangchi.example.cn", "长春光驰激光科技有限公司", name_en="Guangchi Laser"
    )
    assert home.status_code == 200 and home.url.path == "/employer"
    assert "长春光驰激光科技有限公司" in home.text and "badge-pending" in home.text

    # Staff approve the company
    companies = staff.get("/staff/companies?status=pending")
    company_id = int(re.search(r"/staff/companies/(\d+)/approve", companies.text).group(1))
    assert staff.post(f"/staff/companies/{company_id}/approve").status_code == 200

    # The employer posts a job for review; it is not public yet
    assert employer.post_job("光纤激光器研发工程师", title_en="Fiber Laser R&D Engineer").status_code == 200
    job_id = _job_id_from_employer_home(employer, "光纤激光器研发工程师")
    sync_index(app)
    seeker = visitor()
    assert seeker.get(f"/jobs/{job_id}").status_code == 404

    # Staff publish it
    queue = staff.get("/staff/jobs")
    assert "光纤激光器研发工程师" in queue.text
    assert staff.post(f"/staff/jobs/{job_id}/approve").status_code == 200
    sync_index(app)

    # A job seeker finds it by a Chinese word inside its title, and by English
    results = seeker.get("/api/jobs", params={"q": "激光"}).json()
    assert [item["id"] for item in results["items"]] == [job_id]
    assert seeker.get("/api/jobs", params={"q": "laser"}).json()["items"][0]["id"] == job_id
    page = seeker.get("/jobs", params={"q": "激光"})
    assert f"/jobs/{job_id}" in page.text

    # ...signs up and applies with a PDF
    assert seeker.register_seeker("li.ming@example.cn", name="李明").status_code == 200
    form = seeker.get(f"/jobs/{job_id}/apply")
    assert "长春光驰激光科技有限公司" in form.text  # the consent names the receiving firm
    assert seeker.apply(job_id, cover_letter="我有三年光纤激光器经验。").status_code == 200
    mine = seeker.get("/me/applications")
    assert "光纤激光器研发工程师" in mine.text

    # The employer sees the application, opens it and invites the person to an interview
    applicants = employer.get(f"/employer/jobs/{job_id}/applications")
    application_id = int(re.search(r"/employer/applications/(\d+)", applicants.text).group(1))
    assert "李明" in applicants.text
    assert employer.get(f"/employer/applications/{application_id}").status_code == 200
    resume = employer.get(f"/employer/applications/{application_id}/resume")
    assert resume.status_code == 200 and resume.content.startswith(b"%PDF-")
    assert employer.post(f"/employer/applications/{application_id}/invite").status_code == 200
    assert "badge-interview" in seeker.get("/me/applications").text

    # Staff export a CSV that opens with the Chinese intact
    export = staff.get("/exports/applicants.csv")
    assert export.status_code == 200
    assert export.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert "李明" in rows[1] and "光纤激光器研发工程师" in rows[1] and "长春光驰激光科技有限公司" in rows[1]
