"""Reading files into raw records, and the file-level problems of unusable files."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from jobboard.imports import tables
from jobboard.imports.reading import FormulaCell, read_table, read_table_bytes
from tests.imports.import_tables import ZH_HEADER, csv_bytes, zh_row


def codes(table: object) -> list[str]:
    return [problem.code for problem in table.problems]  # type: ignore[attr-defined]


def test_gbk_csv_with_chinese_headers(tmp_path: Path) -> None:
    path = tmp_path / "岗位信息表.csv"
    path.write_bytes(csv_bytes([ZH_HEADER, zh_row(1), zh_row(2)], encoding="gbk"))
    table = read_table(path)
    assert table.problems == []
    assert [line for line, _ in table.records] == [2, 3]
    assert table.records[0][1]["company"] == "长春测试光电有限公司"
    assert table.records[0][1]["salary"] == "15-25K·14薪"
    assert table.headings["company"] == "单位名称"


def test_utf8_csv_with_and_without_bom() -> None:
    plain = csv_bytes([ZH_HEADER, zh_row(1)])
    for data in (plain, codecs.BOM_UTF8 + plain):
        table = read_table_bytes(data, "t.csv")
        assert table.problems == []
        assert table.records[0][1]["title"] == "激光器研发工程师1"


def test_title_row_above_the_header_and_unknown_columns_ignored() -> None:
    rows = [
        ["2026光博会招聘岗位信息表"],
        [],
        [*ZH_HEADER, "福利", "联系人"],
        [*zh_row(1), "五险一金", "王女士"],
    ]
    table = read_table_bytes(csv_bytes(rows), "t.csv")
    assert table.problems == []
    assert table.records[0][0] == 4  # the row number a spreadsheet shows
    assert table.ignored_columns == ["福利", "联系人"]
    assert "福利" not in table.records[0][1]


def test_multiline_cell_keeps_spreadsheet_row_numbers() -> None:
    data = csv_bytes([ZH_HEADER, zh_row(1, 岗位职责="第一行\n第二行"), zh_row(2)])
    table = read_table_bytes(data, "t.csv")
    assert [line for line, _ in table.records] == [2, 3]
    assert table.records[0][1]["description"] == "第一行\n第二行"


def test_wrong_headers_name_the_missing_and_unknown_columns() -> None:
    data = csv_bytes([["Firma", "Stelle", "Ort"], ["A", "B", "C"]])
    table = read_table_bytes(data, "t.csv")
    assert table.records == []
    missing = [p.column for p in table.problems if p.code == "missing_column"]
    assert missing == ["company", "title", "description", "city"]
    unknown = next(p for p in table.problems if p.code == "unknown_columns")
    assert "Firma" in unknown.message("en") and "Stelle" in unknown.message("zh")
    assert all(p.line == 0 for p in table.problems)


def test_duplicate_columns() -> None:
    data = csv_bytes([[*ZH_HEADER, "公司名称"], [*zh_row(1), "别的公司"]])
    assert codes(read_table_bytes(data, "t.csv")) == ["duplicate_column"]


def test_empty_files(tmp_path: Path) -> None:
    for name, data in (
        ("a.csv", b""),
        ("b.xlsx", b""),
        ("c.jsonl", b"\n\n"),
        ("d.csv", b"\xef\xbb\xbf\r\n,,\r\n"),
    ):
        table = read_table_bytes(data, name)
        assert codes(table) == ["empty_file"], name
        assert table.problems[0].message("zh") == "文件是空的"
    assert codes(read_table_bytes(csv_bytes([ZH_HEADER]), "h.csv")) == ["no_rows"]


def test_not_a_spreadsheet_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "jobs.xlsx"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    assert codes(read_table(path)) == ["not_a_workbook"]
    assert codes(read_table_bytes(b"PK\x03\x04 broken zip", "x.xlsx")) == ["not_a_workbook"]
    assert codes(read_table_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "x.xlsx")) == [
        "wrong_format"
    ]
    assert codes(read_table_bytes(b"\xd0\xcf\x11\xe0", "x.xls")) == ["wrong_format"]
    assert codes(read_table_bytes(b"hello", "x.pdf")) == ["unsupported_type"]


def test_binary_renamed_csv() -> None:
    assert codes(read_table_bytes(bytes(range(256)) * 20, "x.csv")) == ["unreadable_text"]
    workbook = io.BytesIO()
    Workbook().save(workbook)
    assert codes(read_table_bytes(workbook.getvalue(), "x.csv")) == ["wrong_format"]


def test_xlsx_formula_date_merged_cells_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = "填写说明"
    instructions.append(["请按模板填写"])
    sheet = workbook.create_sheet("岗位")
    sheet.append(["2026光博会招聘岗位信息表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    sheet.append(["单位名称", "岗位名称", "岗位职责", "工作地点", "截止日期", "招聘人数", "最低月薪"])
    sheet.append(["长春测试光电有限公司", "光学工程师", "光学设计", "长春", date(2026, 6, 30), 3, 15000.0])
    sheet.append([None, '=B3&"助理"', "协助设计", "长春", datetime(2026, 7, 1, 0, 0), 1.5, "=1+1"])
    sheet.merge_cells("A3:A4")  # the firm's name spans its two postings
    path = tmp_path / "岗位信息表.xlsx"
    workbook.save(path)

    table = read_table(path)
    assert table.problems == []
    (line3, first), (line4, second) = table.records
    assert (line3, line4) == (3, 4)
    assert first == {
        "company": "长春测试光电有限公司",
        "title": "光学工程师",
        "description": "光学设计",
        "city": "长春",
        "deadline": "2026-06-30",
        "headcount": "3",
        "salary_min": "15000",
    }
    assert second["company"] == "长春测试光电有限公司"
    assert second["title"] == FormulaCell('=B3&"助理"')
    assert second["deadline"] == "2026-07-01"
    assert second["headcount"] == "1.5"
    assert isinstance(second["salary_min"], FormulaCell)


def test_jsonl_bad_lines_are_row_problems() -> None:
    lines = [
        json.dumps({"company": "甲", "title": "乙"}, ensure_ascii=False),
        "{not json",
        "[1, 2]",
        "",
        json.dumps({"单位名称": "丙", "extra": 1}, ensure_ascii=False),
    ]
    table = read_table_bytes("\n".join(lines).encode(), "t.jsonl")
    assert [(p.line, p.code) for p in table.problems] == [(2, "bad_json"), (3, "not_an_object")]
    assert [line for line, _ in table.records] == [1, 5]
    assert table.records[1][1] == {"company": "丙"}
    assert table.ignored_columns == ["extra"]
    assert table.rows_total == 4


def test_json_array_is_not_json_lines() -> None:
    assert codes(read_table_bytes(b'[{"company": "x"}]', "t.jsonl")) == ["json_array"]


def test_utf16_tab_separated_text_from_excel() -> None:
    text = "\n".join("\t".join(row) for row in (ZH_HEADER, zh_row(1)))
    table = read_table_bytes(text.encode("utf-16"), "t.csv")
    assert table.problems == [] and table.records[0][1]["city"] == "长春"


def test_too_many_rows_is_a_file_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_ROWS", 3)
    table = read_table_bytes(csv_bytes([ZH_HEADER, *(zh_row(n) for n in range(5))]), "t.csv")
    assert codes(table) == ["too_many_rows"]
