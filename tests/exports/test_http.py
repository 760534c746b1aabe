"""Exports over HTTP: streamed downloads, the page, another firm's applicants a 404, every export recorded."""

from __future__ import annotations

import io
import zipfile

import pytest
from litestar import Litestar
from sqlmodel import col, select

from jobboard.audit.models import AuditEvent
from jobboard.companies.services import CompanyService
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.exports.conftest import read_csv, read_xlsx
from tests.web.conftest import Fair, app, fair, running_app, staff, visitor  # noqa: F401  (the web fixtures)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _company_id(app: Litestar, name: str) -> int:  # noqa: F811
    with open_session(BoardPlugin.state_of(app).engine) as session:
        company = CompanyService(session).find_by_name(name)
        assert company is not None and company.id is not None
        return company.id


def _exports(app: Litestar) -> list[dict]:  # noqa: F811
    with open_session(BoardPlugin.state_of(app).engine) as session:
        events = session.exec(
            select(AuditEvent).where(AuditEvent.action == "applicants.exported").order_by(col(AuditEvent.id))
        ).all()
    return [{"actor_id": event.actor_id, **event.detail} for event in events]


def _firm_a_urls(fair: Fair) -> list[str]:  # noqa: F811
    company_a = _company_id(fair.app, "长春甲光电有限公司")
    return [
        f"/exports/applicants.csv?company={company_a}",
        f"/exports/applicants.csv?job={fair.job_id}",
        f"/exports/applicants.xlsx?company={company_a}",
        f"/exports/applicants.xlsx?job={fair.job_id}",
        f"/exports/resumes.zip?company={company_a}",
        f"/exports/resumes.zip?job={fair.job_id}",
        f"/exports/applicants?format=xlsx&job={fair.job_id}",
        f"/exports/applicants?format=zip&company={company_a}",
    ]


def test_another_employer_gets_404_for_firm_a_in_every_format(fair: Fair) -> None:  # noqa: F811
    for url in _firm_a_urls(fair):
        response = fair.employer_b.get(url)
        assert response.status_code == 404, url
        assert "seeker@example.cn" not in response.text
    assert _exports(fair.app) == []


def test_employer_downloads_its_own_applicants_as_xlsx_and_zip(fair: Fair) -> None:  # noqa: F811
    employer = fair.employer_a
    workbook = employer.get("/exports/applicants.xlsx")
    assert workbook.status_code == 200 and workbook.headers["content-type"] == XLSX_TYPE
    assert "attachment" in workbook.headers["content-disposition"]
    rows = read_xlsx(workbook.content)
    assert [cell.value for cell in rows[1]][3:5] == ["长春甲光电有限公司", "激光器研发工程师"]
    archive = zipfile.ZipFile(io.BytesIO(employer.get("/exports/resumes.zip").content))
    assert archive.namelist() == ["长春甲光电有限公司-激光器研发工程师-李明.pdf"]
    assert archive.read(archive.namelist()[0]).startswith(b"%PDF-")
    recorded = _exports(fair.app)
    assert [(event["format"], event["rows"]) for event in recorded] == [("xlsx", 1), ("zip", 1)]
    assert {event["company_id"] for event in recorded} == {_company_id(fair.app, "长春甲光电有限公司")}


def test_the_page_form_chooses_format_and_filters(fair: Fair) -> None:  # noqa: F811
    staff_member = fair.staff
    response = staff_member.get(
        f"/exports/applicants?format=csv&job={fair.job_id}&status=submitted&status=viewed"
        "&segment=optics&applied_from=2020-01-01&applied_to=2099-12-31"
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert len(read_csv(response.content)) == 2
    none = staff_member.get("/exports/applicants?format=xlsx&status=hired")
    assert none.headers["content-type"] == XLSX_TYPE and len(read_xlsx(none.content)) == 1
    (first, second) = _exports(fair.app)
    assert (
        first["rows"] == 1 and first["status"] == ["submitted", "viewed"] and first["segment"] == ["optics"]
    )
    assert second["rows"] == 0 and second["format"] == "xlsx"


@pytest.mark.parametrize(
    ("query", "field_error"),
    [
        ("format=zip", "This field is required."),
        ("applied_from=2026-02-30", "Enter a date as YYYY-MM-DD."),
        ("status=fired", "Choose one of the options."),
        ("format=pdf", "Choose one of the options."),
        ("job=abc", "Enter a whole number."),
        ("applied_from=2026-09-03&applied_to=2026-09-01", "The end date cannot be before the start date."),
    ],
)
def test_bad_form_input_shows_the_form_again(fair: Fair, query: str, field_error: str) -> None:  # noqa: F811
    response = fair.staff.get(f"/exports/applicants?{query}&lang=en")
    assert response.status_code == 400
    assert field_error in response.text and 'action="/exports/applicants"' in response.text
    assert _exports(fair.app) == []


def test_a_reversed_date_range_says_so_in_chinese(fair: Fair) -> None:  # noqa: F811
    response = fair.staff.get("/exports/applicants?applied_from=2026-09-03&applied_to=2026-09-01&lang=zh")
    assert response.status_code == 400
    assert "截止日期不能早于起始日期。" in response.text and "该值无效" not in response.text


def test_export_page_in_both_languages(fair: Fair) -> None:  # noqa: F811
    english = fair.staff.get("/exports?lang=en")
    assert english.status_code == 200
    for text in (
        "Format",
        "Excel workbook (XLSX)",
        "Resumes of one company (ZIP of PDF files)",
        "Segment",
        "长春乙芯片有限公司",
        'name="applied_from"',
    ):
        assert text in english.text
    chinese = fair.staff.get("/exports?lang=zh")
    assert "格式" in chinese.text and "Excel 工作簿（XLSX）" in chinese.text
    employer_page = fair.employer_a.get("/exports?lang=en")
    assert "激光器研发工程师" in employer_page.text and 'name="segment"' not in employer_page.text
    assert "长春乙芯片有限公司" not in employer_page.text


def test_job_seekers_have_no_export_page(fair: Fair) -> None:  # noqa: F811
    assert fair.seeker.get("/exports").status_code == 404
    assert fair.seeker.get("/exports/applicants.xlsx").status_code == 404


def test_status_words_follow_the_readers_language(fair: Fair) -> None:  # noqa: F811
    english = read_csv(fair.staff.get("/exports/applicants.csv?lang=en").content)
    chinese = read_csv(fair.staff.get("/exports/applicants.csv?lang=zh").content)
    assert english[1][2] == "Submitted" and chinese[1][2] == "已投递"
    assert english[0] == chinese[0]  # the headers are bilingual either way
