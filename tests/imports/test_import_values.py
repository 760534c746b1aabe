"""Cell parsers: Chinese words, full-width digits, salary shorthand, dates; and heading aliases."""

from __future__ import annotations

from datetime import date

import pytest

from jobboard.imports.columns import column_for
from jobboard.imports.problems import PROBLEM_TEXTS, problem_text
from jobboard.imports.values import (
    CellError,
    parse_date,
    parse_education,
    parse_experience,
    parse_headcount,
    parse_job_type,
    parse_salary,
    parse_segment,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("15-25K", (15000, 25000, None)),
        ("15K-25K·14薪", (15000, 25000, 14)),
        ("面议", (None, None, None)),
        ("", (None, None, None)),
        ("1.5万-2万", (15000, 20000, None)),
        ("1.5万", (15000, 15000, None)),
        ("8000-12000", (8000, 12000, None)),
        ("８０００－１２０００", (8000, 12000, None)),
        ("１５－２５Ｋ", (15000, 25000, None)),
        ("15k～25k", (15000, 25000, None)),
        ("8,000-12,000元/月", (8000, 12000, None)),
        ("8000-25K", (8000, 25000, None)),
        ("12-18K 13薪", (12000, 18000, 13)),
    ],
)
def test_salary_cells(cell: str, expected: tuple[int | None, int | None, int | None]) -> None:
    assert parse_salary(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("年薪30万", "salary_not_monthly"),
        ("200元/天", "salary_not_monthly"),
        ("15K以上", "salary_open_range"),
        ("好多钱", "salary_invalid"),
    ],
)
def test_salary_cells_refused(cell: str, code: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_salary(cell)
    assert caught.value.code == code
    assert caught.value.code in PROBLEM_TEXTS


def test_chinese_values() -> None:
    assert [parse_education(word) for word in ("不限", "大专", "本科及以上", "硕士", "博士", "PhD")] == [
        "any",
        "associate",
        "bachelor",
        "master",
        "phd",
        "phd",
    ]
    assert [parse_job_type(word) for word in ("全职", "社招", "实习", "校招", "校园招聘", "full_time")] == [
        "full_time",
        "full_time",
        "internship",
        "campus",
        "campus",
        "full_time",
    ]
    assert [
        parse_segment(word) for word in ("芯", "芯片", "光", "光学", "星", "卫星", "车", "汽车", "网", "网络")
    ] == [
        "chips",
        "chips",
        "optics",
        "optics",
        "satellites",
        "satellites",
        "automotive",
        "automotive",
        "networks",
        "networks",
    ]
    assert [
        parse_experience(word) for word in ("不限", "应届生", "1-3年", "3年以上", "5-10年", "10年以上")
    ] == ["any", "new_graduate", "1-3", "3-5", "5-10", "10+"]
    assert [parse_headcount(word) for word in ("3", "３人", "若干")] == [3, 3, None]


def test_education_refusal_is_said_in_either_language() -> None:
    with pytest.raises(CellError) as caught:
        parse_education("初中")
    assert problem_text(caught.value.code, "education", {}, "zh") == "学历要求须为不限/大专/本科/硕士/博士"
    assert (
        problem_text(caught.value.code, "education", {}, "en")
        == "Education must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd)"
    )


@pytest.mark.parametrize(
    "cell",
    [
        "2026-06-30",
        "2026/6/30",
        "2026.6.30",
        "2026年6月30日",
        "46203",
        "2026-06-30 00:00:00",
        "２０２６－０６－３０",
    ],
)
def test_dates(cell: str) -> None:
    assert parse_date(cell) == date(2026, 6, 30)


def test_open_ended_deadline_and_bad_date() -> None:
    assert parse_date("长期有效") is None
    with pytest.raises(CellError):
        parse_date("2026-13-01")


@pytest.mark.parametrize(
    ("heading", "column"),
    [
        ("单位名称", "company"),
        ("公司名称", "company"),
        ("岗位名称", "title"),
        ("职位名称", "title"),
        ("英文岗位名称", "title_en"),
        ("岗位职责", "description"),
        ("工作职责", "description"),
        ("任职要求", "requirements"),
        ("岗位要求", "requirements"),
        ("工作地点", "city"),
        ("学历要求", "education"),
        ("岗位类型", "job_type"),
        ("招聘类型", "job_type"),
        ("最低月薪", "salary_min"),
        ("最高月薪", "salary_max"),
        ("薪资", "salary"),
        ("薪酬", "salary"),
        ("招聘人数", "headcount"),
        ("专业要求", "majors"),
        ("展位号", "booth"),
        ("行业", "segment"),
        ("领域", "segment"),
        ("联系邮箱", "contact_email"),
        ("邮箱", "contact_email"),
        ("编号", "external_id"),
        ("岗位编号", "external_id"),
        ("截止日期", "deadline"),
        ("经验要求", "experience"),
        ("\ufeffexternal_id", "external_id"),
        ("Contact Email", "contact_email"),
        ("岗位名称*", "title"),
        ("岗位名称 Title", "title"),
        ("英文岗位名称 English title", "title_en"),
        ("学历要求(education)", "education"),
        ("福利", None),
        ("联系人", None),
    ],
)
def test_headings(heading: str, column: str | None) -> None:
    assert column_for(heading) == column
