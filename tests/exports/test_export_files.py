"""What the files hold: formula-safe cells read back with csv and openpyxl, the BOM, headers, UTF-8."""

from __future__ import annotations

import pytest

from jobboard.applications.models import ApplicationStatus
from jobboard.exports.cells import FORMULA_TRIGGERS, FairClock, fair_time, safe_cell, xml_text
from jobboard.exports.plans import ExportFormat
from jobboard.exports.writers import HEADERS, UTF8_BOM, csv_lines
from tests.exports.conftest import FORMULAS, Board, download, read_csv, read_xlsx, xlsx_values

TYPED_COLUMNS = slice(3, 11)  # company … resume file: what people typed


@pytest.mark.parametrize("text", FORMULAS)
def test_safe_cell_prefixes_every_trigger_with_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("李明") == "李明" and safe_cell(None) == "" and safe_cell(42) == "42"


def _formula_board(board: Board) -> None:
    for text in FORMULAS:
        board.apply(board.job_a1, name=text, cover_letter=text, phone=text[:30], email=text)  # VARCHAR(30)


def test_csv_cells_starting_with_a_trigger_are_neutralised(board: Board) -> None:
    _formula_board(board)
    rows = read_csv(download(board, board.staff))
    assert rows[0] == list(HEADERS)
    assert len(rows) == 1 + len(FORMULAS)
    for row, text in zip(rows[1:], FORMULAS, strict=True):
        assert not any(cell.startswith(FORMULA_TRIGGERS) for cell in row)
        assert row[6] == row[7] == row[8] == row[9] == "'" + text  # name, e-mail, phone, letter: text kept


def test_xlsx_has_no_formula_cells_and_no_value_starting_with_equals(board: Board) -> None:
    _formula_board(board)
    board.apply(board.job_a1, name="#N/A", cover_letter="#DIV/0!")  # would become error cells
    data = download(board, board.staff, ExportFormat.XLSX)
    cells = [cell for row in read_xlsx(data) for cell in row]
    assert cells and all(cell.data_type in ("s", "n") for cell in cells)
    assert not any(cell.data_type == "f" for cell in cells)
    assert not any(isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS) for cell in cells)
    values = xlsx_values(data)
    assert values[0] == list(HEADERS)
    # XML reads a carriage return back as a line feed (end-of-line normalisation), as Excel does
    assert [row[6] for row in values[1:]] == ["'" + text.replace("\r", "\n") for text in FORMULAS] + ["#N/A"]
    assert isinstance(values[1][0], int)  # the application id is a number


def test_xlsx_drops_control_characters_before_checking_for_a_formula(board: Board) -> None:
    board.apply(board.job_a1, name="\x01=1+1", cover_letter="第一行\n第二行\x0b\x1f")
    row = xlsx_values(download(board, board.staff, ExportFormat.XLSX))[1]
    assert row[6] == "'=1+1"
    assert row[9] == "第一行\n第二行"


def test_csv_starts_with_the_bom_and_is_utf8_with_the_chinese_intact(board: Board) -> None:
    letter = '我的"项目"经验,\r\n第二行'
    application_id = board.apply(
        board.job_a1, name="王芳", cover_letter=letter, status=ApplicationStatus.INTERVIEW
    )
    data = download(board, board.staff)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert text.startswith(UTF8_BOM + '"申请编号 Application ID"')
    rows = read_csv(data)
    assert rows[1] == [
        str(application_id),
        "2026-09-01 10:00",
        "面试",
        "长春甲光电有限公司",
        "激光器研发工程师",
        "GBH-001",
        "王芳",
        rows[1][7],
        "13800000000",
        letter,
        "简历.pdf",
    ]


def test_job_without_a_table_reference_shows_the_board_job_number(board: Board) -> None:
    board.apply(board.job_a2)
    assert read_csv(download(board, board.staff))[1][5] == str(board.job_a2)


@pytest.mark.parametrize("rows", [[["a", 'b"c', "d,e", "f\r\ng", "", "'x"]], [[1, "x"], [2, "y"]]])
def test_csv_lines_read_back_with_the_csv_module(rows: list[list[object]]) -> None:
    import csv
    import io

    assert list(csv.reader(io.StringIO(csv_lines(rows), newline=""))) == [
        [str(v) for v in row] for row in rows
    ]


def test_fair_clock_agrees_with_fair_time_for_text_and_datetimes() -> None:
    from datetime import UTC, datetime, timedelta

    clock = FairClock()
    moment = datetime(1986, 5, 3, 17, 59, tzinfo=UTC)  # around a summer-time change in Beijing
    for step in range(0, 24 * 200, 7):
        value = moment + timedelta(minutes=step * 13)
        assert clock.text(value.strftime("%Y-%m-%d %H:%M:%S.%f")) == fair_time(value)
        assert clock.text(value) == fair_time(value)
    assert clock.text("2026-08-31 16:00:00.000000") == "2026-09-01 00:00"


def test_xml_text_keeps_tabs_and_line_breaks() -> None:
    assert xml_text("a\tb\r\nc\x00\x08\x0b\x0c\x1f") == "a\tb\r\nc"
