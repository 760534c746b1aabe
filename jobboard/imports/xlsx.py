"""Reading .xlsx workbooks with openpyxl in read-only mode (constant memory, whatever the size).

Formula and error cells come out as :class:`FormulaCell` (refused later, never imported as text);
merged ranges are filled from their top-left cell; dates and numbers become the text a person reads.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import IO, Any

from jobboard.imports.tables import (
    HEADER_SEARCH_ROWS,
    FormulaCell,
    Table,
    failed,
    header_row,
    is_blank,
    table_from_rows,
    to_text,
)

MAX_COLUMNS = 100  # a worksheet may claim 16,384 columns; real job tables have ~20


def read_xlsx(data: bytes, name: str) -> Table:
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: a legacy .xls or a password-protected workbook
            return failed(name, "wrong_format", wording="protected")
        return _not_xlsx(name)
    from openpyxl import load_workbook  # imported late: only XLSX imports pay for it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (BadZipFile, KeyError, XML errors) for broken files
        return _not_xlsx(name)
    try:
        sheets = list(workbook.worksheets)
        if not sheets:
            return _not_xlsx(name)
        sheet = _choose_sheet(sheets)
        return table_from_rows(name, _sheet_rows(sheet))
    except Exception:  # a workbook that opens but breaks while streaming is as unreadable as one that doesn't
        return _not_xlsx(name)
    finally:
        workbook.close()


def _not_xlsx(name: str) -> Table:
    return failed(name, "not_a_workbook")


def _choose_sheet(sheets: list[Any]) -> Any:
    """The first sheet with all required columns (tables often start with an instructions sheet)."""
    best, best_score = sheets[0], -1
    for sheet in sheets:
        head = list(islice(((ln, c) for ln, c in _sheet_rows(sheet) if not is_blank(c)), HEADER_SEARCH_ROWS))
        if not head:
            continue
        _index, header = header_row(head)
        if not header.missing:
            return sheet
        if header.recognised > best_score:
            best, best_score = sheet, header.recognised
    return best


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, Sequence[object]]]:
    """Rows of cell values (as text), merged ranges filled from their top-left cell."""
    sheet.reset_dimensions()  # some writers store a wrong size, and read-only mode would trust it
    merges = sorted(_merged_ranges(sheet))
    active: list[tuple[int, int, int, int]] = []
    anchors: dict[tuple[int, int], object] = {}
    next_merge = 0
    for line, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        values = [_cell_value(cell) for cell in cells]
        while next_merge < len(merges) and merges[next_merge][0] <= line:
            active.append(merges[next_merge])
            next_merge += 1
        active = [merge for merge in active if merge[2] >= line]
        for min_row, min_col, max_row, max_col in active:
            if min_row == line and min_col <= len(values):
                anchors[(min_row, min_col)] = values[min_col - 1]
            anchor = anchors.get((min_row, min_col))
            for col in range(min_col, min(max_col, len(values)) + 1):
                if (line, col) != (min_row, min_col):
                    values[col - 1] = anchor
            if line == max_row:
                anchors.pop((min_row, min_col), None)
        yield line, values


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\"")


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of merged cells; read-only mode does not parse them."""
    from openpyxl.utils import column_index_from_string

    get_source = getattr(sheet, "_get_source", None)
    if get_source is None:
        return []
    ranges: list[tuple[int, int, int, int]] = []
    source: IO[bytes] = get_source()
    with source:
        tail = b""
        while chunk := source.read(1 << 20):
            buffer = tail + chunk
            last_end = 0
            for match in _MERGE.finditer(buffer):
                first_col, first_row, last_col, last_row = match.groups()
                ranges.append(
                    (
                        int(first_row),
                        column_index_from_string(first_col.decode()),
                        int(last_row),
                        column_index_from_string(last_col.decode()),
                    )
                )
                last_end = match.end()
            tail = buffer[max(last_end, len(buffer) - 200) :]
    return ranges


def _cell_value(cell: Any) -> object:
    value = cell.value
    if cell.data_type in ("f", "e"):
        return FormulaCell(str(getattr(value, "text", value)))
    return to_text(value)
