"""ImportService end to end on a temporary SQLite file: what is written, and what never is."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, event
from sqlmodel import Session, col, select

from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.clock import fair_today
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job, JobStatus
from jobboard.jobs.services import JobService
from tests.imports.import_tables import ZH_HEADER, count, csv_bytes, write_csv, zh_row


def test_the_relevance_corpus_imports_as_it_is(session: Session, corpus: Path) -> None:
    report = ImportService(session).import_file(corpus)
    assert report.problems == [] and report.imported
    assert (report.rows_total, report.created, report.updated, report.companies_created) == (160, 160, 0, 42)
    jobs = session.exec(select(Job)).all()
    assert sorted(job.external_id for job in jobs) == [f"P-{n:04d}" for n in range(1, 161)]
    assert {job.status for job in jobs} == {JobStatus.PUBLISHED}
    companies = session.exec(select(Company)).all()
    assert len(companies) == 42 and {c.status for c in companies} == {CompanyStatus.APPROVED}
    negotiable = session.exec(select(Job).where(Job.external_id == "P-0131")).one()
    assert negotiable.salary_min is None and negotiable.salary_max is None
    assert JobService(session).list_public(0, 500)[0] == 160


def test_reimport_updates_instead_of_duplicating(session: Session, corpus: Path, tmp_path: Path) -> None:
    ImportService(session).import_file(corpus)
    edited = tmp_path / "jobs.jsonl"
    edited.write_text(
        corpus.read_text(encoding="utf-8").replace("光学镜头设计工程师", "高级光学镜头设计工程师", 1),
        encoding="utf-8",
    )
    report = ImportService(session).import_file(edited)
    assert (report.created, report.updated, report.companies_created) == (0, 160, 0)
    assert (count(session, Job), count(session, Company)) == (160, 42)
    assert (
        session.exec(select(Job).where(Job.external_id == "P-0001")).one().title == "高级光学镜头设计工程师"
    )


def test_gbk_csv_with_chinese_headers(session: Session, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "岗位信息表.csv", [ZH_HEADER, zh_row(1), zh_row(2, 薪资="面议", 学历要求="硕士")], "gbk"
    )
    report = ImportService(session).import_file(path)
    assert report.problems == [] and report.created == 2
    first, second = session.exec(select(Job).order_by(col(Job.external_id))).all()
    assert (first.salary_min, first.salary_max, first.salary_months, first.education) == (
        15000,
        25000,
        14,
        "bachelor",
    )
    assert (second.salary_min, second.education) == (None, "master")
    company = session.exec(select(Company)).one()
    assert (company.name_zh, company.segment, company.booth, company.hall) == (
        "长春测试光电有限公司",
        "optics",
        "A1-001",
        "A1",
    )


def test_xlsx_with_formula_date_full_width_digits_and_salaries(session: Session, tmp_path: Path) -> None:
    deadline = fair_today() + timedelta(days=30)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["单位名称", "岗位名称", "岗位职责", "工作地点", "学历要求", "薪资", "招聘人数", "截止日期", "行业"]
    )
    sheet.append(
        ["长春测试光电有限公司", "激光工程师", "激光器研发", "长春", "本科", "15-25K", "３", deadline, "光"]
    )
    sheet.append(["长春测试光电有限公司", "光学工程师", "光学设计", "长春", "硕士", "面议", 2, None, "光"])
    sheet.append(["长春测试光电有限公司", "测试工程师", "测试", "长春", "大专", "1.5万", "１０", None, "光"])
    sheet.append(["长春测试光电有限公司", '=B2&"助理"', "协助", "长春", "不限", "8000-12000", 1, None, "光"])
    path = tmp_path / "岗位信息表.xlsx"
    workbook.save(path)

    refused = ImportService(session).import_file(path)
    assert not refused.imported and refused.bad_lines == [5]
    assert [(p.line, p.column, p.code) for p in refused.problems] == [(5, "title", "formula")]
    assert count(session, Job) == 0

    report = ImportService(session).import_file(path, skip_invalid=True)
    assert report.imported and report.created == 3 and report.bad_lines == [5]
    jobs = {job.title: job for job in session.exec(select(Job)).all()}
    assert (jobs["激光工程师"].salary_min, jobs["激光工程师"].salary_max) == (15000, 25000)
    assert jobs["激光工程师"].headcount == 3 and jobs["激光工程师"].deadline == deadline
    assert jobs["光学工程师"].salary_min is None
    assert (jobs["测试工程师"].salary_min, jobs["测试工程师"].salary_max, jobs["测试工程师"].headcount) == (
        15000,
        15000,
        10,
    )


def test_file_level_problems_import_nothing(session: Session, tmp_path: Path) -> None:
    cases = {
        "wrong.csv": csv_bytes([["Firma", "Stelle"], ["A", "B"]]),
        "empty.csv": b"",
        "fake.xlsx": b"this is not a workbook at all",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        report = ImportService(session).import_file(tmp_path / name)
        assert report.problems and not report.imported, name
        assert all(problem.line == 0 for problem in report.problems)
        assert report.bad_lines == []
    assert count(session, Job) == count(session, Company) == count(session, AuditEvent) == 0


def test_bad_rows_are_reported_and_nothing_is_imported(session: Session, tmp_path: Path) -> None:
    rows = [
        ZH_HEADER,
        zh_row(1),
        zh_row(2, 学历要求="初中"),
        zh_row(3, 单位名称="新公司"),
        zh_row(4, 工作地点="", 薪资="很多"),
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    report = ImportService(session).import_file(path)
    assert not report.imported and (report.created, report.updated) == (0, 0)
    assert report.bad_lines == [3, 5]
    assert [(p.line, p.column, p.header) for p in report.problems] == [
        (3, "education", "学历要求"),
        (5, "city", "工作地点"),
        (5, "salary", "薪资"),
    ]
    assert report.problems[0].message("zh").startswith("学历要求须为不限/大专/本科/硕士/博士")
    assert (
        report.problems[0]
        .message("en")
        .startswith(
            "Education must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd)"
        )
    )
    assert count(session, Job) == count(session, Company) == count(session, AuditEvent) == 0


def test_skip_invalid_imports_only_the_good_rows(session: Session, tmp_path: Path) -> None:
    rows = [ZH_HEADER, zh_row(1), zh_row(2, 学历要求="初中"), zh_row(3), zh_row(3, 岗位名称="重复编号")]
    report = ImportService(session).import_file(write_csv(tmp_path / "t.csv", rows), skip_invalid=True)
    assert report.imported and report.created == 2 and report.bad_lines == [3, 5]
    assert report.problems[-1].code == "duplicate_external_id"
    assert sorted(session.exec(select(Job.external_id)).all()) == ["T-00001", "T-00003"]


def test_preview_validates_without_writing(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [ZH_HEADER, zh_row(1), zh_row(2, 学历要求="初中")])
    report = ImportService(session).preview_file(path)
    assert report.preview and not report.imported
    assert (report.created, report.companies_created, report.bad_lines) == (1, 1, [3])
    assert count(session, Job) == count(session, Company) == 0


def test_audit_record_has_counts_and_no_personal_data(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [ZH_HEADER, zh_row(1), zh_row(2)])
    ImportService(session).import_file(path)
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "jobs.imported")).one()
    assert event.detail["file"] == "t.csv"
    assert (event.detail["created"], event.detail["updated"], event.detail["rows"]) == (2, 0, 2)
    assert "example.cn" not in str(event.detail)


def test_an_error_midway_rolls_everything_back(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "t.csv", [ZH_HEADER, *(zh_row(n) for n in range(1, 6))])
    original = JobService.apply_import
    calls = 0

    def failing(self: JobService, *args: object, **kwargs: object) -> Job:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(JobService, "apply_import", failing)
    with pytest.raises(RuntimeError):
        ImportService(session).import_file(path)
    assert count(session, Job) == count(session, Company) == count(session, AuditEvent) == 0


def test_rows_without_ids_update_on_reimport(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [ZH_HEADER, zh_row(1, 岗位编号=""), zh_row(2, 岗位编号="")])
    assert ImportService(session).import_file(path).created == 2
    again = ImportService(session).import_file(path)
    assert (again.created, again.updated, count(session, Job)) == (0, 2, 2)
    assert all(job_id.startswith("auto-") for job_id in session.exec(select(Job.external_id)).all())


def test_import_records_in_the_english_format(session: Session) -> None:
    records = [
        {
            "external_id": "D-1",
            "company": "长春演示光电",
            "title": "光学工程师",
            "description": "光学设计",
            "city": "长春",
            "education": "master",
            "job_type": "full_time",
            "salary_min": 12000,
            "salary_max": 20000,
            "headcount": 2,
            "segment": "optics",
            "booth": "A1-002",
            "deadline": date.today() + timedelta(days=40),
        }
    ]
    report = ImportService(session).import_records(records, source_name="demo")
    assert report.imported and report.created == 1
    job = session.exec(select(Job)).one()
    assert (job.external_id, job.salary_min, job.headcount) == ("D-1", 12000, 2)


def test_ten_thousand_rows(session: Session, engine: Engine, tmp_path: Path) -> None:
    rows = [ZH_HEADER, *(zh_row(n, 单位名称=f"长春测试光电{n % 40}有限公司") for n in range(1, 10_001))]
    path = write_csv(tmp_path / "big.csv", rows, "gbk")
    selects = 0

    def count_selects(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        nonlocal selects
        selects += statement.lstrip().upper().startswith("SELECT")

    event.listen(engine, "before_cursor_execute", count_selects)
    report = ImportService(session).import_file(path)
    event.remove(engine, "before_cursor_execute", count_selects)
    assert report.problems == [] and report.created == 10_000 and report.companies_created == 40
    assert count(session, Job) == 10_000
    assert selects < 100, "lookups are batched, not one query per row"  # behaviour, not the clock


def test_uploaded_bytes_preview_then_confirm(session: Session) -> None:
    data = csv_bytes([ZH_HEADER, zh_row(1), zh_row(2)], "gbk")
    preview = ImportService(session).preview_bytes(data, "上传.csv")
    assert preview.ok and preview.created == 2 and count(session, Job) == 0
    report = ImportService(session).import_bytes(data, "上传.csv", actor_id=None)
    assert report.imported and report.created == 2 and count(session, Job) == 2
