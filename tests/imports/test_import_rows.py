"""Row validation: specific bilingual reasons, derived ids and duplicates."""

from __future__ import annotations

from datetime import timedelta

from jobboard.core.clock import fair_today
from jobboard.imports.reading import FormulaCell
from jobboard.imports.report import ImportProblem
from jobboard.imports.rows import RowValidator, ValidRow, derived_external_id

GOOD = {
    "external_id": "X-1",
    "company": "长春测试光电有限公司",
    "title": "光学工程师",
    "description": "光学设计",
    "city": "长春",
}


def problems_of(result: ValidRow | list[ImportProblem]) -> dict[str, ImportProblem]:
    assert isinstance(result, list), result
    return {problem.column: problem for problem in result}


def test_a_good_row_with_chinese_values() -> None:
    raw = GOOD | {
        "education": "硕士",
        "job_type": "校招",
        "segment": "芯片",
        "salary": "1.5万-2万",
        "headcount": "若干",
        "booth": "Ｂ２－０１６",
        "experience": "应届生",
        "majors": ["光学工程", "物理学"],
    }
    row = RowValidator().validate(2, raw)
    assert isinstance(row, ValidRow)
    assert (row.external_id, row.company, row.booth, row.segment) == (
        "X-1",
        "长春测试光电有限公司",
        "B2-016",
        "chips",
    )
    posting = row.posting
    assert (posting.education, posting.job_type, posting.experience) == ("master", "campus", "new_graduate")
    assert (posting.salary_min, posting.salary_max, posting.salary_months, posting.headcount) == (
        15000,
        20000,
        12,
        1,
    )
    assert posting.majors == "光学工程、物理学"


def test_each_bad_cell_gets_its_own_bilingual_reason() -> None:
    raw = {
        "company": "",
        "title": "x" * 200,
        "description": "d",
        "city": "长春",
        "education": "初中",
        "job_type": "兼职",
        "salary": "好多钱",
        "headcount": "0",
        "contact_email": "hr@",
        "segment": "食品",
        "deadline": "明天",
    }
    found = problems_of(RowValidator({"education": "学历要求"}).validate(7, raw))
    assert set(found) == {
        "company",
        "title",
        "education",
        "job_type",
        "salary",
        "headcount",
        "contact_email",
        "segment",
        "deadline",
    }
    assert all(problem.line == 7 for problem in found.values())
    assert found["education"].message("zh").startswith("学历要求须为不限/大专/本科/硕士/博士")
    assert (
        found["education"]
        .message("en")
        .startswith(
            "Education must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd)"
        )
    )
    assert found["education"].header == "学历要求"
    assert found["company"].code == "required" and found["company"].message("zh") == "单位名称不能为空"
    assert found["title"].message("en") == "Job title must be at most 120 characters"
    assert found["headcount"].message("en") == "Openings must be at least 1"


def test_salary_range_problems_point_at_the_salary_column() -> None:
    found = problems_of(RowValidator().validate(3, GOOD | {"salary": "25K-15K"}))
    assert found["salary"].code == "salary_range_reversed"
    found = problems_of(RowValidator().validate(3, GOOD | {"salary_min": "15000"}))
    assert found["salary_max"].code == "salary_range_incomplete"
    found = problems_of(RowValidator().validate(3, GOOD | {"salary": "15-25"}))
    assert "15K" in found["salary"].message("en")


def test_formulas_are_refused_not_imported() -> None:
    found = problems_of(
        RowValidator().validate(4, GOOD | {"title": FormulaCell("=A1"), "city": "=cmd|' /C calc'!A0"})
    )
    assert found["title"].code == "formula" and found["city"].code == "formula"
    assert "公式" in found["title"].message("zh")


def test_wrong_json_types() -> None:
    found = problems_of(RowValidator().validate(1, GOOD | {"headcount": True, "description": {"a": 1}}))
    assert found["headcount"].code == "wrong_type" and found["description"].code == "wrong_type"


def test_past_deadline() -> None:
    yesterday = (fair_today() - timedelta(days=1)).isoformat()
    assert (
        problems_of(RowValidator().validate(2, GOOD | {"deadline": yesterday}))["deadline"].code
        == "deadline_in_past"
    )


def test_derived_external_id_is_stable() -> None:
    row = RowValidator().validate(2, GOOD | {"external_id": "", "title": " 光学  工程师 "})
    assert isinstance(row, ValidRow)
    assert row.external_id == derived_external_id("长春测试光电有限公司", "光学 工程师")
    assert row.external_id == derived_external_id("长春测试光电有限公司", "光学 工程师")
    assert row.external_id.startswith("auto-") and len(row.external_id) <= 64
    assert derived_external_id("甲公司", "工程师") != derived_external_id("乙公司", "工程师")


def test_duplicate_external_id_is_a_problem_on_the_later_line() -> None:
    validator = RowValidator()
    assert isinstance(validator.validate(2, GOOD), ValidRow)
    found = problems_of(validator.validate(9, GOOD | {"title": "另一个岗位"}))
    assert found["external_id"].code == "duplicate_external_id"
    assert found["external_id"].line == 9 and "第 2 行" in found["external_id"].message("zh")
    # Without ids, two same-titled postings of one firm collide the same way.
    assert isinstance(validator.validate(10, GOOD | {"external_id": ""}), ValidRow)
    assert problems_of(validator.validate(11, GOOD | {"external_id": ""}))["external_id"].line == 11


def test_control_characters_are_dropped() -> None:
    row = RowValidator().validate(2, GOOD | {"description": "第一行\r\n第二行\x00\x07"})
    assert isinstance(row, ValidRow)
    assert row.posting.description == "第一行\n第二行"
