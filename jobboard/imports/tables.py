"""The shape every reader produces, and what CSV and XLSX share: finding the header row.

A raw record is (line, {column: value}); nothing here judges the values (``rows`` does).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice

from jobboard.imports.columns import HeaderMap, map_headings
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


def file_problem(code: str, column: str = "", header: str = "", **params: object) -> ImportProblem:
    return ImportProblem(FILE_LEVEL, column, code, params, header)


def failed(name: str, code: str, *, wording: str = "", **params: object) -> Table:
    return Table(name, problems=[ImportProblem(FILE_LEVEL, "", code, params, wording=wording)])


def too_many_rows() -> ImportProblem:
    return file_problem("too_many_rows", limit=MAX_ROWS)


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
        file_problem("duplicate_column", column, second, first=first, second=second)
        for column, first, second in header.duplicates
    ]
    problems += [file_problem("missing_column", column) for column in header.missing]
    if header.missing and header.unknown:
        problems.append(file_problem("unknown_columns", headings=tuple(header.unknown[:20])))
    return problems


def table_from_rows(name: str, rows: Iterator[tuple[int, Sequence[object]]]) -> Table:
    non_blank = ((line, cells) for line, cells in rows if not is_blank(cells))
    head = list(islice(non_blank, HEADER_SEARCH_ROWS))
    if not head:
        return failed(name, "empty_file")
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
        table.problems.append(file_problem("no_rows"))
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
