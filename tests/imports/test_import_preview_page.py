"""The preview page: every row with its status, near-match firms settled on the form, and each column
and value in the reader's language (issue 11, items 8 and 13)."""

from __future__ import annotations

import html as markup
import re

from litestar import Litestar
from sqlmodel import select

from jobboard.companies.models import Company, CompanyStatus
from jobboard.imports.template import heading
from jobboard.jobs.models import Job
from tests.imports.import_tables import ZH_HEADER, csv_bytes, zh_row
from tests.imports.test_import_pages import job_count, token_of
from tests.web.conftest import Visitor, db, upload

CIOMP = "中国科学院长春光学精密机械与物理研究所"
SHORT = "中科院长春光机所"


def ciomp(app: Litestar) -> int:
    with db(app) as session:
        firm = Company(name_zh=CIOMP, status=CompanyStatus.APPROVED)
        session.add(firm)
        session.commit()
        assert firm.id is not None
        return firm.id


def flagged_table() -> bytes:
    return csv_bytes([ZH_HEADER, zh_row(1, 单位名称=SHORT), zh_row(2, 单位名称=SHORT), zh_row(3)])


def cells(html: str, css_class: str) -> list[list[str]]:
    """The text of each cell of each row of class ``css_class``."""
    rows = re.findall(rf'<tr class="{css_class}"[^>]*>(.*?)</tr>', html, re.S)
    return [
        [markup.unescape(cell.strip()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)] for row in rows
    ]


def test_the_preview_lists_every_row_and_asks_about_a_near_match(app: Litestar, staff: Visitor) -> None:
    firm_id = ciomp(app)
    page = upload(staff, "jobs.csv", flagged_table()).text
    assert cells(page, "import-row") == [
        ["2", SHORT, "激光器研发工程师1", "长春", "待确认单位"],
        ["3", SHORT, "激光器研发工程师2", "长春", "待确认单位"],
        ["4", "长春测试光电有限公司", "激光器研发工程师3", "长春", "新增岗位"],
    ]
    assert f"“{SHORT}”（第 2、3 行）：是否指“{CIOMP}”？" in markup.unescape(page)
    assert f'name="firm-1" value="{firm_id}" required' in page and 'name="firm-1" value="new"' in page
    assert f'name="firm-1-name" value="{SHORT}"' in page


def test_nothing_flagged_imports_without_an_answer(app: Litestar, staff: Visitor) -> None:
    ciomp(app)
    token = token_of(upload(staff, "jobs.csv", flagged_table()).text)
    refused = staff.post("/staff/imports/confirm", {"upload": token})
    assert refused.status_code == 409 and job_count(app) == 0
    assert f"单位“{SHORT}”不在本站，但有“{CIOMP}”" in markup.unescape(refused.text)
    assert 'name="firm-1"' in refused.text  # the question is asked again


def test_the_same_firm_imports_its_rows_there(app: Litestar, staff: Visitor) -> None:
    firm_id = ciomp(app)
    token = token_of(upload(staff, "jobs.csv", flagged_table()).text)
    form = {"upload": token, "firm-1-name": SHORT, "firm-1": str(firm_id)}
    assert staff.post("/staff/imports/confirm", form).status_code == 200
    with db(app) as session:
        assert [job.company_id for job in session.exec(select(Job).order_by(Job.external_id))][:2] == [
            firm_id,
            firm_id,
        ]
        assert session.exec(select(Company).where(Company.name_zh == SHORT)).first() is None


def test_a_new_firm_is_created_when_staff_say_so(app: Litestar, staff: Visitor) -> None:
    ciomp(app)
    token = token_of(upload(staff, "jobs.csv", flagged_table()).text)
    staff.post("/staff/imports/confirm", {"upload": token, "firm-1-name": SHORT, "firm-1": "new"})
    assert job_count(app) == 3
    with db(app) as session:
        assert session.exec(select(Company).where(Company.name_zh == SHORT)).one() is not None


def template_table(**changes: str) -> bytes:
    """The template's own headings ("学历要求\\neducation"), one bad row."""
    columns = {
        "岗位编号": "external_id",
        "单位名称": "company",
        "岗位名称": "title",
        "岗位职责": "description",
    }
    columns |= {"工作地点": "city", "学历要求": "education", "招聘人数": "headcount"}
    row = dict(zip(ZH_HEADER, zh_row(1), strict=True)) | changes
    return csv_bytes([[heading(column) for column in columns.values()], [row[name] for name in columns]])


def test_each_column_is_named_once_in_the_readers_language(app: Litestar, staff: Visitor) -> None:
    table = template_table(学历要求="初中")
    chinese = cells(upload(staff, "jobs.csv", table).text, "problem")
    assert chinese == [["2", "学历要求", "学历要求须为不限/大专/本科/硕士/博士（填写的是“初中”）"]]
    english = cells(upload(staff, "jobs.csv", table, lang="en").text, "problem")
    assert [row[:2] for row in english] == [["2", "Education"]]
    renamed = csv_bytes([[*ZH_HEADER[:6], "学历", *ZH_HEADER[7:]], zh_row(1, 学历要求="初中")])
    assert cells(upload(staff, "jobs.csv", renamed, lang="zh").text, "problem")[0][1] == "学历 (学历要求)"


def test_a_firms_status_is_named_not_coded(app: Litestar, staff: Visitor) -> None:
    with db(app) as session:
        session.add(Company(name_zh="长春测试光电有限公司", status=CompanyStatus.SUSPENDED))
        session.commit()
    page = markup.unescape(upload(staff, "jobs.csv", csv_bytes([ZH_HEADER, zh_row(1)])).text)
    assert "单位“长春测试光电有限公司”尚未通过审核（已暂停）" in page and "suspended" not in page
    english = markup.unescape(upload(staff, "jobs.csv", csv_bytes([ZH_HEADER, zh_row(1)]), lang="en").text)
    assert "is not approved (Suspended)" in english


def test_staff_navigation_leads_to_imports_and_booths(app: Litestar, staff: Visitor) -> None:
    nav = re.search(r'<nav class="main-nav".*?</nav>', staff.get("/staff").text, re.S)
    assert nav is not None
    assert 'href="/staff/imports"' in nav.group(0) and 'href="/booths"' in nav.group(0)
