"""The shape every reader produces, and what CSV and XLSX share: finding the header row.

A raw record is (line, {column: value}); nothing here judges the values (``rows`` does).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice

from jobboard.imports.columns import COLUMN_LABELS_ZH, HeaderMap, map_headings
from jobboard.imports.report import FILE_LEVEL, ImportProblem

MAX_ROWS = 20_000  # twice the 10,000 rows the import is built for; a fair has a few hundred
HEADER_SEARCH_ROWS = 10  # tables often open with a title row such as "2025光博会招聘岗位信息表"

RawRecord = tuple[int, dict[str, object]]


@dataclass(frozen=True)
class FormulaCell:
    """A worksheet cell holding a formula (or an error value such as #N/A): never imported as text."""

    text: str


@dataclass
class Table:
    source_name: str
    records: list[RawRecord] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # column -> heading as written in the file
    ignored_columns: list[str] = field(default_factory=list)
    # File-level problems, and JSONL lines that are not JSON at all.
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def rows_total(self) -> int:
        return len(self.records) + len({p.line for p in self.problems if p.line != FILE_LEVEL})


def file_problem(
    code: str, message_zh: str, message_en: str, column: str = "", header: str = ""
) -> ImportProblem:
    return ImportProblem(FILE_LEVEL, column, code, message_zh, message_en, header)


def failed(name: str, code: str, message_zh: str, message_en: str) -> Table:
    return Table(name, problems=[file_problem(code, message_zh, message_en)])


def too_many_rows() -> ImportProblem:
    return file_problem(
        "too_many_rows",
        f"表格超过 {MAX_ROWS} 行，请拆分后分别导入",
        f"the table has more than {MAX_ROWS} rows; split it and import the parts",
    )


def is_blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def header_row(head: list[tuple[int, Sequence[object]]]) -> tuple[int, HeaderMap]:
    """Among the first non-blank rows, the one that names the most known columns is the header."""
    best_index, best = 0, map_headings(head[0][1])
    for index, (_line, cells) in enumerate(head[1:], start=1):
        candidate = map_headings(cells)
        if candidate.recognised > best.recognised:
            best_index, best = index, candidate
    return best_index, best


def _header_problems(header: HeaderMap) -> list[ImportProblem]:
    problems = [
        file_problem(
            "duplicate_column",
            f"“{first}”和“{second}”是同一列（{COLUMN_LABELS_ZH[column]}），请删去一列",
            f'"{first}" and "{second}" both give {column}; keep one of them',
            column,
            second,
        )
        for column, first, second in header.duplicates
    ]
    for column in header.missing:
        problems.append(
            file_problem(
                "missing_column",
                f"缺少必填列“{COLUMN_LABELS_ZH[column]}”",
                f"the required column {column} is missing",
                column,
            )
        )
    if header.missing and header.unknown:
        listed = "、".join(header.unknown[:20])
        problems.append(
            file_problem(
                "unknown_columns",
                f"无法识别的列：{listed}",
                f"columns not recognised: {', '.join(header.unknown[:20])}",
            )
        )
    return problems


def table_from_rows(name: str, rows: Iterator[tuple[int, Sequence[object]]]) -> Table:
    non_blank = ((line, cells) for line, cells in rows if not is_blank(cells))
    head = list(islice(non_blank, HEADER_SEARCH_ROWS))
    if not head:
        return failed(name, "empty_file", "文件是空的", "the file is empty")
    header_index, header = header_row(head)
    table = Table(name, headings=dict(header.headings), ignored_columns=list(header.unknown))
    table.problems = _header_problems(header)
    if table.problems:
        return table  # without its columns, no row can be judged
    for line, cells in [*head[header_index + 1 :], *non_blank]:
        if len(table.records) >= MAX_ROWS:
            table.problems.append(too_many_rows())
            break
        record = {
            column: cells[position] for position, column in header.positions.items() if position < len(cells)
        }
        table.records.append((line, record))
    if not table.records:
        table.problems.append(
            file_problem("no_rows", "表格只有表头，没有岗位", "the table has a header but no rows")
        )
    return table


def to_text(value: object) -> object:
    """Dates and numbers as the text a person reads in the cell: 2025-06-30, 15000, 1.5."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
