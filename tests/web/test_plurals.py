"""A count before a noun takes the noun's plural form from the catalogue: "1 applicant", "2 applicants"."""

from __future__ import annotations

from collections.abc import Callable

from tests.imports.import_tables import ZH_HEADER, csv_bytes, zh_row
from tests.web.conftest import Fair, Visitor, upload


def test_the_employer_dashboard_counts_applicants(fair: Fair, visitor: Callable[[], Visitor]) -> None:
    page = fair.employer_a.get("/employer?lang=en").text
    assert "1 applicant<" in page and "1 applicants" not in page
    second = visitor()
    second.register_seeker("second@example.cn")
    assert second.apply(fair.job_id).status_code == 200
    assert "2 applicants<" in fair.employer_a.get("/employer?lang=en").text
    assert "2 位应聘者" in fair.employer_a.get("/employer?lang=zh").text


def _table(rows: int) -> bytes:
    return csv_bytes([ZH_HEADER, *(zh_row(n) for n in range(1, rows + 1))])


def test_the_import_preview_and_its_result_count_rows_jobs_and_firms(staff: Visitor) -> None:
    one = upload(staff, "one.csv", _table(1), lang="en").text
    assert 'data-count="rows"><strong>1</strong>row<' in one
    assert 'data-count="created"><strong>1</strong>new job<' in one
    assert 'data-count="companies"><strong>1</strong>new company<' in one
    assert 'data-count="bad"><strong>0</strong>rows with problems<' in one
    two = upload(staff, "two.csv", _table(2), lang="en").text
    assert 'data-count="rows"><strong>2</strong>rows<' in two
    assert 'data-count="created"><strong>2</strong>new jobs<' in two
    token = two.split('name="upload" value="', 1)[1].split('"', 1)[0]
    done = staff.post("/staff/imports/confirm", {"upload": token}).text
    assert "two.csv imported: 2 new jobs, 0 updated, 1 new company." in done


def test_the_import_result_in_chinese(staff: Visitor) -> None:
    preview = upload(staff, "表.csv", _table(1), lang="zh").text
    token = preview.split('name="upload" value="', 1)[1].split('"', 1)[0]
    done = staff.post("/staff/imports/confirm", {"upload": token}).text
    assert "表.csv 已导入：新增岗位 1 个，更新 0 个，新增企业 1 家。" in done
