"""Reading job tables (.csv, .xlsx, .jsonl) into raw records: (line, {column: value}).

What this module reports are file-level problems (encoding, not a spreadsheet, missing columns)
and, for JSON Lines, lines that are not JSON at all; ``rows`` judges the values.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from jobboard.imports.columns import column_for
from jobboard.imports.report import ImportProblem
from jobboard.imports.tables import (
    MAX_ROWS,
    FormulaCell,
    RawRecord,
    Table,
    failed,
    file_problem,
    table_from_rows,
    too_many_rows,
)
from jobboard.imports.xlsx import read_xlsx

__all__ = ["FormulaCell", "RawRecord", "Table", "read_table", "read_table_bytes", "table_from_mappings"]

MAX_BYTES = 50 * 1024 * 1024  # far above any fair's table; stops a runaway upload before parsing


# Entry points -------------------------------------------------------------------------------------


def read_table(path: Path | str) -> Table:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _too_large(path.name)
        data = path.read_bytes()
    except OSError:
        return failed(path.name, "unreadable_file")
    return read_table_bytes(data, path.name)


def read_table_bytes(data: bytes, filename: str) -> Table:
    """The same as :func:`read_table` for an uploaded file's content."""
    name = Path(filename).name
    suffix = Path(filename).suffix.lower()
    if len(data) > MAX_BYTES:
        return _too_large(name)
    if not data.strip():
        return failed(name, "empty_file")
    if suffix == ".xls" or (suffix != ".xlsx" and data.startswith(b"PK\x03\x04")):
        return failed(name, "wrong_format")
    if suffix == ".xlsx":
        return read_xlsx(data, name)
    if suffix == ".csv":
        return _read_csv(data, name)
    if suffix == ".jsonl":
        return _read_jsonl(data, name)
    return failed(name, "unsupported_type")


def table_from_mappings(mappings: Iterable[Mapping[str, object]], source_name: str) -> Table:
    """Records given in code (the demo-data loader): keys are column names or headings, lines count from 1."""
    table = Table(source_name)
    for line, mapping in enumerate(mappings, start=1):
        if len(table.records) >= MAX_ROWS:
            table.problems.append(too_many_rows())
            break
        table.records.append((line, _record_from_mapping(mapping, table)))
    return table


def _too_large(name: str) -> Table:
    return failed(name, "file_too_large", mb=MAX_BYTES // (1024 * 1024))


# Text tables --------------------------------------------------------------------------------------


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (superset of GBK: Excel's CSV in China)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Binary files can decode as GB18030 by chance; real text has (almost) no control characters.
        controls = sum(1 for char in text[:4096] if char < " " and char not in "\t\r\n")
        return None if controls > 2 else text
    return None


def _undecodable(name: str) -> Table:
    return failed(name, "unreadable_text")


def _read_csv(data: bytes, name: str) -> Table:
    text = _decode(data)
    if text is None:
        return _undecodable(name)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Lines are records (as a spreadsheet numbers its rows), not physical lines of multi-line cells.
        return table_from_rows(name, enumerate(reader, start=1))
    except csv.Error:
        return failed(name, "unreadable_csv", line=reader.line_num)


def _read_jsonl(data: bytes, name: str) -> Table:
    text = _decode(data)
    if text is None:
        return _undecodable(name)
    if text.lstrip().startswith("["):
        return failed(name, "json_array")
    table = Table(name)
    # split("\n"), not splitlines(): U+2028 may appear raw inside a JSON string.
    for line, raw_line in enumerate(text.split("\n"), start=1):
        if not raw_line.strip():
            continue
        if len(table.records) >= MAX_ROWS:
            table.problems.append(too_many_rows())
            break
        try:
            value = json.loads(raw_line)
        except (json.JSONDecodeError, RecursionError):
            table.problems.append(ImportProblem(line, "", "bad_json"))
            continue
        if not isinstance(value, dict):
            table.problems.append(ImportProblem(line, "", "not_an_object"))
            continue
        table.records.append((line, _record_from_mapping(value, table)))
    if not table.records and not table.problems:
        table.problems.append(file_problem("empty_file"))
    return table


def _record_from_mapping(mapping: Mapping[str, object], table: Table) -> dict[str, object]:
    record: dict[str, object] = {}
    for key, value in mapping.items():
        column = column_for(key)
        if column is None:
            if str(key) not in table.ignored_columns:
                table.ignored_columns.append(str(key))
        elif column not in record or record[column] in (None, ""):
            record[column] = value
            table.headings.setdefault(column, str(key))
    return record
