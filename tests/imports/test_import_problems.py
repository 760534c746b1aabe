"""Import problems are codes with parameters, said through the catalogue in the reader's language."""

from __future__ import annotations

from jobboard.core.i18n import translations
from jobboard.imports.problems import PROBLEM_TEXTS
from jobboard.imports.reading import read_table_bytes
from jobboard.imports.report import ImportProblem
from jobboard.imports.rows import RowValidator

BAD_ROW = {
    "company": "",
    "title": "光" * 200,
    "description": "负责光学设计",
    "city": "=cmd",
    "education": "初中",
    "salary": "25K-15K",
    "headcount": "0",
    "contact_email": "不是邮箱",
    "deadline": "明天",
}


def test_every_problem_text_has_its_chinese() -> None:
    zh = translations("zh")
    untranslated = [key for key, text in PROBLEM_TEXTS.items() if zh.gettext(text) == text]
    assert not untranslated


def test_every_problem_a_bad_row_gets_has_a_text_of_its_own() -> None:
    problems = RowValidator().validate(3, BAD_ROW)
    assert isinstance(problems, list) and len(problems) >= 8
    keys = {f"{p.code}.{p.wording}" if p.wording else p.code for p in problems}
    assert keys <= set(PROBLEM_TEXTS), keys - set(PROBLEM_TEXTS)


def test_a_cell_problem_names_the_column_and_the_cell_in_the_readers_language() -> None:
    problems = RowValidator().validate(3, BAD_ROW)
    assert isinstance(problems, list)
    education = next(p for p in problems if p.column == "education")
    assert (education.code, dict(education.params)) == ("education_invalid", {"got": "初中"})
    assert education.message("zh") == "学历要求须为不限/大专/本科/硕士/博士（填写的是“初中”）"
    assert education.message("en") == (
        "Education must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd) "
        "(got '初中')"
    )
    company = next(p for p in problems if p.column == "company")
    assert (company.message("zh"), company.message("en")) == ("单位名称不能为空", "Company is required")


def test_lists_are_joined_as_each_language_lists() -> None:
    problem = ImportProblem(0, "", "unknown_columns", {"headings": ("Firma", "Stelle")})
    assert problem.message("zh") == "无法识别的列：Firma、Stelle"
    assert problem.message("en") == "columns not recognised: Firma, Stelle"


def test_one_code_with_two_wordings() -> None:
    renamed = read_table_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "x.xlsx").problems[0]
    legacy = read_table_bytes(b"\xd0\xcf\x11\xe0", "x.xls").problems[0]
    assert renamed.code == legacy.code == "wrong_format"
    assert "加密" in renamed.message("zh") and "加密" not in legacy.message("zh")
