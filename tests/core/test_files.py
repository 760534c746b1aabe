"""File names people send (job tables, resumes) are cleaned the same way before we store or show them."""

from __future__ import annotations

import pytest

from jobboard.core.files import clean_filename


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("岗位信息表.xlsx", "岗位信息表.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\hr\\jobs.csv", "jobs.csv"),
        (".hidden.csv", "hidden.csv"),
        ('a"b<c>|d?.csv', "a_b_c__d_.csv"),
        ("", "upload"),
        ("x" * 300 + ".xlsx", "x" * 110 + ".xlsx"),
        ("report\u202excod.csv", "report_xcod.csv"),  # a right-to-left override would disguise the suffix
    ],
)
def test_job_table_names_are_cleaned(given: str, kept: str) -> None:
    assert clean_filename(given) == kept


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("简历.pdf", "简历.pdf"),
        ("张三 CV.PDF", "张三 CV.PDF"),
        ("/home/me/resume", "resume.pdf"),
        ("", "resume.pdf"),
        ("a:b?.pdf", "a_b_.pdf"),
        ("y" * 300, "y" * 110 + ".pdf"),
    ],
)
def test_resume_names_keep_a_pdf_suffix(given: str, kept: str) -> None:
    assert clean_filename(given, fallback="resume.pdf", suffix=".pdf") == kept
