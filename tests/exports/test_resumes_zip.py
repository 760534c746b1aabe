"""One ZIP of a company's resumes: 公司-岗位-姓名.pdf, safe names, no duplicates, the PDFs intact."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from jobboard.applications.models import ApplicationStatus
from jobboard.exports.filters import ExportFilters
from jobboard.exports.plans import ExportFormat, ExportScope
from jobboard.exports.resumes import EntryNames, entry_name, name_part
from tests.exports.conftest import Board, download, pdf_bytes

PATTERN = re.compile(
    r"^[^/\\:*?\"<>|\x00-\x1f]+-[^/\\:*?\"<>|\x00-\x1f]+-[^/\\:*?\"<>|\x00-\x1f]+(-\d+)?\.pdf$"
)


def _archive(board: Board, **kwargs: object) -> zipfile.ZipFile:
    scope = ExportScope(company_id=board.company_a)
    data = download(board, board.employer_a, ExportFormat.ZIP, scope=scope, **kwargs)  # type: ignore[arg-type]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    return archive


def test_zip_names_follow_company_job_name_and_hold_the_pdfs(board: Board) -> None:
    board.apply(board.job_a1, "李明")
    board.apply(board.job_a2, "王芳")
    board.apply(board.job_b1, "别家的人")
    archive = _archive(board)
    assert archive.namelist() == [
        "长春甲光电有限公司-激光器研发工程师-李明.pdf",
        "长春甲光电有限公司-光学设计工程师-王芳.pdf",
    ]
    assert all(PATTERN.match(name) for name in archive.namelist())
    assert archive.read(archive.namelist()[0]) == pdf_bytes()
    assert archive.getinfo(archive.namelist()[0]).date_time == (2026, 9, 1, 10, 0, 0)  # applied, at the fair
    assert all(info.flag_bits & 0x800 for info in archive.infolist())  # names stored as UTF-8


def test_same_names_get_a_numbered_suffix(board: Board) -> None:
    for _ in range(3):
        board.apply(board.job_a1, "李明")
    board.apply(board.job_a1, "李明-2")  # a real name that looks like a suffix
    assert _archive(board).namelist() == [
        "长春甲光电有限公司-激光器研发工程师-李明.pdf",
        "长春甲光电有限公司-激光器研发工程师-李明-2.pdf",
        "长春甲光电有限公司-激光器研发工程师-李明-3.pdf",
        "长春甲光电有限公司-激光器研发工程师-李明-2-2.pdf",
    ]


def test_names_are_safe_on_every_file_system(board: Board) -> None:
    board.apply(board.job_a1, '../王/芳:*?"<>|\x01\t ')
    (name,) = _archive(board).namelist()
    assert name == "长春甲光电有限公司-激光器研发工程师-王_芳.pdf"
    assert PATTERN.match(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ('a\\b:c*d?e"f<g>h|i', "a_b_c_d_e_f_g_h_i"),
        ("  多个   空格\n换行\t ", "多个 空格 换行"),
        ("a\x00b\x7fc", "a_b_c"),
        ("...", "_"),
        ("", "_"),
    ],
)
def test_name_part(text: str, expected: str) -> None:
    assert name_part(text, "name") == expected


def test_long_names_stay_within_file_system_limits() -> None:
    name = entry_name("公" * 200, "岗" * 200, "名" * 200)
    assert name.endswith(".pdf") and len(name.encode("utf-8")) <= 244
    names = EntryNames()
    assert (
        names.next("A", "B", "C") == "A-B-C.pdf" and names.next("a", "b", "c") == "a-b-c-2.pdf"
    )  # case-blind


def test_missing_resume_files_are_left_out_and_counted(board: Board) -> None:
    board.apply(board.job_a1, "有简历")
    board.apply(board.job_a1, "没简历", resume=False)
    assert _archive(board).namelist() == ["长春甲光电有限公司-激光器研发工程师-有简历.pdf"]
    (event,) = board.exports()
    assert event["rows"] == 1 and event["missing_files"] == 1 and event["format"] == "zip"


def test_zip_honours_the_filters(board: Board) -> None:
    board.apply(board.job_a1, "面试的", status=ApplicationStatus.INTERVIEW)
    board.apply(board.job_a1, "没面试的")
    archive = _archive(board, filters=ExportFilters(statuses=(ApplicationStatus.INTERVIEW,)))
    assert archive.namelist() == ["长春甲光电有限公司-激光器研发工程师-面试的.pdf"]


@pytest.mark.skipif(shutil.which("unzip") is None, reason="the unzip command is not installed")
def test_unzip_accepts_the_streamed_archive(board: Board, tmp_path: Path) -> None:
    board.apply(board.job_a1, "李明")
    data = download(board, board.employer_a, ExportFormat.ZIP)
    (tmp_path / "r.zip").write_bytes(data)
    assert subprocess.run(["unzip", "-tq", str(tmp_path / "r.zip")], capture_output=True).returncode == 0
