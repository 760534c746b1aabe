"""What an import says back: bilingual problems, counts, and whether anything was written."""

from __future__ import annotations

from dataclasses import dataclass, field

FILE_LEVEL = 0  # ``ImportProblem.line`` of problems that concern the whole file (headers, encoding, ...)


@dataclass(frozen=True)
class ImportProblem:
    """One reason a row (or, with ``line == 0``, the whole file) cannot be imported.

    ``line`` is the row number a spreadsheet program shows (the header row of a CSV/XLSX is row 1;
    a JSONL file's first line is line 1). ``column`` is the canonical English column name
    (``education``, ``salary``, ...) or ``""``; ``header`` is the column's heading as written in the file.
    """

    line: int
    column: str
    code: str
    message_zh: str
    message_en: str
    header: str = ""

    def message(self, language: str) -> str:
        return self.message_zh if language.lower().startswith("zh") else self.message_en


@dataclass
class ImportReport:
    source_name: str
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    companies_created: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    # Not errors: things staff should know (an existing firm that is not approved, ignored columns).
    warnings: list[ImportProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
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
