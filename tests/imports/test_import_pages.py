"""Staff import job tables on the web: preview writes nothing, confirm imports, re-import updates."""

from __future__ import annotations

import io
import re
from pathlib import Path

from litestar import Litestar
from openpyxl import load_workbook
from sqlalchemy import func
from sqlmodel import col, select

from jobboard.accounts.models import User
from jobboard.audit.models import AuditEvent
from jobboard.imports.columns import column_for
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job, JobStatus
from jobboard.plugin import BoardPlugin
from tests.imports.import_tables import ZH_HEADER, csv_bytes, zh_row
from tests.web.conftest import Visitor, db, upload

COMPANY = "长春测试光电有限公司"


def job_count(app: Litestar) -> int:
    with db(app) as session:
        return session.exec(select(func.count(col(Job.id)))).one()


def token_of(html: str) -> str:
    match = re.search(r'name="upload" value="([^"]+)"', html)
    assert match is not None, "the preview offers no confirmation"
    return match.group(1)


def pending_files(app: Litestar) -> list[Path]:
    root = BoardPlugin.state_of(app).settings.upload_dir / "imports"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def good_table(count: int = 3, **changes: str) -> bytes:
    return csv_bytes([ZH_HEADER, *(zh_row(n, **changes) for n in range(1, count + 1))])


def test_preview_lists_every_bad_row_and_imports_nothing(app: Litestar, staff: Visitor) -> None:
    table = csv_bytes([ZH_HEADER, zh_row(1), zh_row(2, 学历要求="初中"), zh_row(3, 薪资="很高"), zh_row(4)])
    response = upload(staff, "岗位信息表.csv", table)
    assert response.status_code == 200
    html = response.text
    lines = sorted({int(n) for n in re.findall(r'class="problem" data-line="(\d+)"', html)})
    assert lines == [3, 4]  # the spreadsheet's row numbers (the header is row 1)
    assert "学历要求" in html and "薪资" in html  # the column as written in the file
    assert "学历要求须为不限/大专/本科/硕士/博士" in html  # the reason, in the reader's language (Chinese)
    assert "Nothing has been saved yet." in html or "尚未保存任何内容" in html
    assert job_count(app) == 0
    with db(app) as session:
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "jobs.imported")).first() is None
    assert [path.name for path in pending_files(app)] == ["岗位信息表.csv"]


def test_preview_speaks_english_to_an_english_reader(app: Litestar, staff: Visitor) -> None:
    table = csv_bytes([ZH_HEADER, zh_row(1, 学历要求="初中")])
    html = upload(staff, "jobs.csv", table, lang="en").text
    assert (
        "Education must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd)"
        in html
    )
    assert "学历要求 (Education)" in html


def test_confirm_imports_the_table_and_records_it(app: Litestar, staff: Visitor) -> None:
    preview = upload(staff, "jobs.csv", good_table(3))
    assert preview.status_code == 200 and job_count(app) == 0
    response = staff.post("/staff/imports/confirm", {"upload": token_of(preview.text)})
    assert response.status_code == 200
    assert "jobs.csv" in response.text
    assert job_count(app) == 3
    with db(app) as session:
        jobs = session.exec(select(Job)).all()
        assert {job.status for job in jobs} == {JobStatus.PUBLISHED}
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "jobs.imported")).one()
        actor = session.get(User, event.actor_id)
        assert actor is not None and actor.email == "staff@fair.example.cn"
        assert (event.detail["file"], event.detail["created"], event.detail["updated"]) == ("jobs.csv", 3, 0)
    assert pending_files(app) == []  # the upload is gone once imported
    again = staff.post("/staff/imports/confirm", {"upload": token_of(preview.text)})
    assert again.status_code == 200 and job_count(app) == 3  # a second click imports nothing more


def test_reimport_updates_the_same_jobs(app: Litestar, staff: Visitor) -> None:
    first = upload(staff, "jobs.csv", good_table(2))
    staff.post("/staff/imports/confirm", {"upload": token_of(first.text)})
    changed = csv_bytes([ZH_HEADER, zh_row(1, 岗位名称="高级激光器研发工程师"), zh_row(2), zh_row(3)])
    preview = upload(staff, "jobs-v2.csv", changed)
    assert 'data-count="created"><strong>1</strong>' in preview.text
    assert 'data-count="updated"><strong>2</strong>' in preview.text
    staff.post("/staff/imports/confirm", {"upload": token_of(preview.text)})
    assert job_count(app) == 3
    with db(app) as session:
        job = session.exec(select(Job).where(Job.external_id == "T-00001")).one()
        assert job.title == "高级激光器研发工程师"


def test_bad_rows_are_imported_only_when_staff_choose_to_skip_them(app: Litestar, staff: Visitor) -> None:
    table = csv_bytes([ZH_HEADER, zh_row(1), zh_row(2, 招聘人数="很多"), zh_row(3)])
    preview = upload(staff, "jobs.csv", table)
    assert 'name="skip_invalid" value="yes"' in preview.text
    token = token_of(preview.text)
    refused = staff.post("/staff/imports/confirm", {"upload": token})  # without skip_invalid: all or nothing
    assert refused.status_code == 409 and job_count(app) == 0
    staff.post("/staff/imports/confirm", {"upload": token, "skip_invalid": "yes"})
    with db(app) as session:
        assert sorted(session.exec(select(Job.external_id)).all()) == ["T-00001", "T-00003"]


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(app: Litestar, staff: Visitor) -> None:
    pdf = upload(staff, "简历.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert pdf.status_code == 400
    assert "只能导入 .csv、.xlsx 或 .jsonl 文件" in pdf.text
    fake = upload(staff, "jobs.xlsx", b"this is plain text, not a workbook")
    assert fake.status_code == 400 and "不是有效的 Excel 工作簿" in fake.text
    empty = upload(staff, "jobs.csv", b"")
    assert empty.status_code == 400 and "文件是空的" in empty.text
    wrong_headers = upload(staff, "jobs.csv", csv_bytes([["姓名", "电话"], ["张三", "123"]]))
    assert wrong_headers.status_code == 400 and "缺少必填列“单位名称”" in wrong_headers.text
    assert 'name="upload"' not in pdf.text + fake.text + empty.text + wrong_headers.text
    assert pending_files(app) == [] and job_count(app) == 0


def test_missing_and_oversized_uploads_are_refused(app: Litestar, staff: Visitor) -> None:
    nothing = staff.client.post(
        "/staff/imports",
        data={"_csrf_token": staff.client.cookies.get("csrftoken")},
        files={"other": ("x", b"x")},
    )
    assert nothing.status_code == 400 and "请选择" in nothing.text
    too_big = upload(staff, "jobs.csv", good_table(1) + b"x" * (10 * 1024 * 1024))
    assert too_big.status_code in (400, 413)
    assert pending_files(app) == [] and job_count(app) == 0


def test_an_upload_is_bound_to_the_staff_member_who_made_it(app: Litestar, staff: Visitor, visitor) -> None:
    preview = upload(staff, "jobs.csv", good_table(2))
    token = token_of(preview.text)
    with db(app) as session:
        from jobboard.accounts.services import AccountService

        AccountService(session).create_staff("other@fair.example.cn", "correct horse battery")
    colleague = visitor()
    colleague.login("other@fair.example.cn")
    for forged in (token, "../../../etc/passwd", f"../{token}", ""):
        colleague.post("/staff/imports/confirm", {"upload": forged})
    assert job_count(app) == 0
    staff.post("/staff/imports/confirm", {"upload": token})
    assert job_count(app) == 2


def test_the_template_has_bilingual_headings_and_an_example_that_imports(
    app: Litestar, staff: Visitor, tmp_path: Path
) -> None:
    response = staff.get("/staff/imports/template.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    headings, example = list(workbook.worksheets[0].iter_rows(max_row=2, values_only=True))
    assert all(re.search(r"[\u4e00-\u9fff]", h) and re.search(r"[a-z]", h) for h in headings)
    assert {column_for(h) for h in headings} >= {"company", "title", "description", "city", "salary"}
    assert all(value not in (None, "") for value in example)
    path = tmp_path / "template.xlsx"
    path.write_bytes(response.content)
    with db(app) as session:
        report = ImportService(session).preview_file(path)
    assert report.ok and (report.rows_total, report.created) == (1, 1)


def test_the_upload_page_lists_recent_imports(app: Litestar, staff: Visitor) -> None:
    preview = upload(staff, "春季岗位.csv", good_table(1))
    staff.post("/staff/imports/confirm", {"upload": token_of(preview.text)})
    page = staff.get("/staff/imports")
    assert (
        page.status_code == 200
        and "春季岗位.csv" in page.text
        and 'enctype="multipart/form-data"' in page.text
    )


def test_an_upload_without_the_form_token_is_refused(app: Litestar, staff: Visitor) -> None:
    files = {"table": ("jobs.csv", good_table(1), "text/csv")}
    assert staff.client.post("/staff/imports", files=files).status_code == 403
    assert pending_files(app) == []
