"""Every row of a previewed table as staff check it: firm, title, city, and what the import would do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from jobboard.imports.report import ImportReport, RowPreview, RowStatus
from jobboard.imports.rows import ValidRow
from jobboard.imports.tables import to_text
from jobboard.jobs.models import Job

CELL_SHOWN = 80  # characters of a cell in the list; the row's problems say what is wrong with it


def _cell(raw: Mapping[str, object], column: str) -> str:
    """The cell as read, on one line; a formula or a list is not shown (its problem is)."""
    value = to_text(raw.get(column))
    return " ".join(value.split())[:CELL_SHOWN] if isinstance(value, str) else ""


def preview_rows(
    records: Sequence[tuple[int, Mapping[str, object]]],
    rows: list[ValidRow],
    jobs: Mapping[str, Job],
    report: ImportReport,
) -> list[RowPreview]:
    """``rows`` are those that would import; every other line of ``records`` has a problem."""
    importable = {row.line: row for row in rows}
    flagged = {line for match in report.firm_matches for line in match.lines}
    previews = []
    for line, raw in records:
        row = importable.get(line)
        if row is None:
            status = RowStatus.PROBLEM
        elif line in flagged:
            status = RowStatus.CHECK_FIRM
        else:
            status = RowStatus.UPDATE if row.external_id in jobs else RowStatus.NEW
        previews.append(
            RowPreview(
                line,
                _cell(raw, "company"),
                _cell(raw, "title") or _cell(raw, "title_en"),
                _cell(raw, "city"),
                status,
            )
        )
    return previews
