"""What an import says back: problems (a code and parameters), counts, and whether anything was written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from jobboard.imports.problems import problem_text

FILE_LEVEL = 0  # ``ImportProblem.line`` of problems that concern the whole file (headers, encoding, ...)


@dataclass(frozen=True)
class ImportProblem:
    """One reason a row (or, with ``line == 0``, the whole file) cannot be imported.

    ``line`` is the row number a spreadsheet program shows (the header row of a CSV/XLSX is row 1;
    a JSONL file's first line is line 1). ``column`` is the canonical English column name
    (``education``, ``salary``, ...) or ``""``; ``header`` is the column's heading as written in the file.
    ``params`` fill the code's text; ``wording`` picks one of a code's texts where it has several (a
    formula typed into a CSV cell, a password-protected workbook).
    """

    line: int
    column: str
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    header: str = ""
    wording: str = ""

    def message(self, language: str) -> str:
        """The problem in ``language`` ("zh" or "en"), through the catalogue."""
        key = f"{self.code}.{self.wording}" if self.wording else self.code
        return problem_text(key, self.column, self.params, language)


class RowStatus(StrEnum):
    """What the import would do with a row of the table (the preview lists every row)."""

    NEW = "new"
    UPDATE = "update"
    PROBLEM = "problem"
    CHECK_FIRM = "check_firm"  # its firm's name is near an existing firm's: staff say which it is


@dataclass(frozen=True)
class RowPreview:
    line: int
    company: str
    title: str
    city: str
    status: RowStatus


@dataclass(frozen=True)
class FirmMatch:
    """A firm name of the table (on ``lines``) that the board does not know, and the existing firm it
    probably means (plain values: the preview is shown after its session has ended)."""

    name: str
    firm_id: int
    firm_name: str
    lines: tuple[int, ...]


@dataclass
class ImportReport:
    source_name: str
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    companies_created: int = 0
    owners_invited: int = 0  # firms whose contact address was invited to be their owner
    problems: list[ImportProblem] = field(default_factory=list)
    # Not errors: things staff should know (an existing firm that is not approved, ignored columns).
    warnings: list[ImportProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[RowPreview] = field(default_factory=list)  # filled by a preview only
    firm_matches: list[FirmMatch] = field(default_factory=list)  # names staff must settle first
    imported: bool = False
    preview: bool = False

    @property
    def bad_lines(self) -> list[int]:
        """Row numbers with at least one problem (file-level problems are not rows)."""
        return sorted({problem.line for problem in self.problems if problem.line != FILE_LEVEL})

    @property
    def file_problems(self) -> list[ImportProblem]:
        return [problem for problem in self.problems if problem.line == FILE_LEVEL]

    @property
    def ok(self) -> bool:
        return not self.problems
