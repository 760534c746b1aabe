"""Turning raw records into validated rows, or into every reason they cannot be imported.

A row without an ``external_id`` gets one derived from its company and title (see
:func:`derived_external_id`), so re-importing the same table updates its jobs instead of
duplicating them. Two postings of one firm with the same title then need their own ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pydantic import EmailStr, TypeAdapter, ValidationError

from jobboard.companies.models import Segment
from jobboard.core.clock import fair_today
from jobboard.imports.columns import COLUMNS
from jobboard.imports.report import ImportProblem
from jobboard.imports.tables import FormulaCell, to_text
from jobboard.imports.values import (
    CellError,
    parse_amount,
    parse_date,
    parse_education,
    parse_experience,
    parse_headcount,
    parse_job_type,
    parse_months,
    parse_salary,
    parse_segment,
)
from jobboard.jobs.models import JobPosting

EXTERNAL_ID_MAX = 64  # Job.external_id
COMPANY_MAX = 120  # Company.name_zh
BOOTH_MAX = 20  # Company.booth
# The posting's texts in both languages, plus the two short texts stored as typed.
_TEXT_COLUMNS = (
    *(c for c in COLUMNS if c.startswith(("title", "description", "requirements"))),
    "city",
    "majors",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never stored (PostgreSQL refuses NUL)
_EMAIL = TypeAdapter(EmailStr)


Parsed = TypeVar("Parsed")


@dataclass(frozen=True)
class ValidRow:
    line: int
    external_id: str
    company: str
    booth: str
    segment: Segment
    posting: JobPosting


def derived_external_id(company: str, title: str) -> str:
    """``auto-`` and 20 hex digits of SHA-1 over the company and title, compared without case, width
    or spacing differences: stable across re-imports of the same table."""

    def canonical(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    digest = hashlib.sha1(f"{canonical(company)}\n{canonical(title)}".encode()).hexdigest()
    return f"auto-{digest[:20]}"


class RowValidator:
    """Validates the records of one file in order; remembers ids to catch duplicates on later lines."""

    def __init__(self, headings: Mapping[str, str] | None = None) -> None:
        self.headings = dict(headings or {})
        self.seen_ids: dict[str, int] = {}

    def validate(self, line: int, raw: Mapping[str, object]) -> ValidRow | list[ImportProblem]:
        return _RowCheck(self, line, raw).run()

    def problem(
        self, line: int, column: str, code: str, params: Mapping[str, object], wording: str = ""
    ) -> ImportProblem:
        return ImportProblem(line, column, code, params, self.headings.get(column, column), wording)


class _RowCheck:
    """One record's validation; collects every problem rather than stopping at the first."""

    def __init__(self, validator: RowValidator, line: int, raw: Mapping[str, object]) -> None:
        self.validator = validator
        self.line = line
        self.raw = raw
        self.problems: list[ImportProblem] = []
        self._texts: dict[str, str] = {}

    def add(self, column: str, code: str, wording: str = "", **params: object) -> None:
        self.problems.append(self.validator.problem(self.line, column, code, params, wording))

    def text(self, column: str, *, prose: bool = False) -> str:
        """The cell as clean text ("" when empty); prose keeps its line breaks, other cells one line."""
        if column not in self._texts:
            self._texts[column] = self._clean(column)
        text = self._texts[column]
        return text if prose else " ".join(text.split())

    def _clean(self, column: str) -> str:
        """Formulas and unusable types become problems (once per cell)."""
        value = self.raw.get(column)
        if isinstance(value, FormulaCell):
            self.add(column, "formula", formula=value.text[:40])
            return ""
        if isinstance(value, list) and column == "majors":
            value = "、".join(str(item) for item in value if item is not None)
        if isinstance(value, bool | dict | list):
            self.add(column, "wrong_type")
            return ""
        value = to_text(value)
        if value is None:
            return ""
        text = _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
        if text.startswith("="):  # a formula typed into a CSV cell: never stored (CSV injection)
            self.add(column, "formula", wording="typed")
            return ""
        return text

    def parsed(self, column: str, parse: Callable[[str], Parsed]) -> Parsed | None:
        text = self.text(column)
        if not text:
            return None
        try:
            return parse(text)
        except CellError as error:
            self.add(column, error.code, got=text[:40])
            return None

    def run(self) -> ValidRow | list[ImportProblem]:
        data: dict[str, object] = {column: self.text(column, prose=True) for column in _TEXT_COLUMNS}
        for column in ("title", "title_en", "city"):
            data[column] = " ".join(str(data[column]).split())
        company = self.text("company")
        # The title and duties are required in one language at least: JobPosting checks them.
        for column, value in (("company", company), ("city", data["city"])):
            if not value and not any(p.column == column for p in self.problems):
                self.add(column, "required")
        for column, parse in (
            ("education", parse_education),
            ("job_type", parse_job_type),
            ("experience", parse_experience),
            ("headcount", parse_headcount),
            ("deadline", parse_date),
        ):
            value = self.parsed(column, parse)
            if value is not None:
                data[column] = value
        salary_column = self.salary(data)
        email = self.text("contact_email")
        if email:
            try:
                data["contact_email"] = _EMAIL.validate_python(email)
            except ValidationError:
                self.add("contact_email", "email_invalid", value=email[:60])
        segment = self.parsed("segment", parse_segment) or Segment.OTHER
        booth = unicodedata.normalize("NFKC", self.text("booth"))
        external_id = unicodedata.normalize("NFKC", self.text("external_id"))
        self.check_lengths(company, booth, external_id)
        posting = self.posting(data, salary_column)
        if posting is not None and posting.deadline is not None and posting.deadline < fair_today():
            self.add("deadline", "deadline_in_past", deadline=posting.deadline.isoformat())
        title = str(data["title"] or data["title_en"])
        if not external_id and company and title:
            external_id = derived_external_id(company, title)
        self.check_duplicate(external_id)
        if self.problems or posting is None:
            return self.problems
        return ValidRow(self.line, external_id, company, booth, Segment(segment), posting)

    def salary(self, data: dict[str, object]) -> str:
        """Fills salary_min/max/months; returns the column the salary came from (for problems)."""
        months = self.parsed("salary_months", parse_months)
        if self.text("salary_min") or self.text("salary_max"):
            data["salary_min"] = self.parsed("salary_min", parse_amount)
            data["salary_max"] = self.parsed("salary_max", parse_amount)
            column = "salary_min"
        else:
            parsed = self.parsed("salary", parse_salary)
            low, high, cell_months = parsed if isinstance(parsed, tuple) else (None, None, None)
            data["salary_min"], data["salary_max"] = low, high
            months = months if months is not None else cell_months
            column = "salary"
        if months is not None:
            data["salary_months"] = months
        return column

    def check_lengths(self, company: str, booth: str, external_id: str) -> None:
        for column, value, limit in (
            ("company", company, COMPANY_MAX),
            ("booth", booth, BOOTH_MAX),
            ("external_id", external_id, EXTERNAL_ID_MAX),
        ):
            if len(value) > limit:
                self.add(column, "too_long", limit=limit)

    def check_duplicate(self, external_id: str) -> None:
        if not external_id:
            return
        first_line = self.validator.seen_ids.setdefault(external_id, self.line)
        if first_line != self.line:
            self.add("external_id", "duplicate_external_id", external_id=external_id, first_line=first_line)

    def posting(self, data: dict[str, object], salary_column: str) -> JobPosting | None:
        fields = {key: value for key, value in data.items() if value is not None and value != ""}
        # Both ends always go in: JobPosting checks the range only when salary_max is given.
        fields["salary_min"], fields["salary_max"] = data.get("salary_min"), data.get("salary_max")
        fields.setdefault("city", "")
        try:
            return JobPosting.model_validate(fields)
        except ValidationError as error:
            reported = {p.column for p in self.problems}
            for item in error.errors():
                column = str(item["loc"][0]) if item["loc"] else ""
                if column in ("salary_min", "salary_max") and salary_column == "salary":
                    column = "salary"
                if column not in reported:  # one reason per cell is enough
                    reported.add(column)
                    params = _pydantic_params(column, item["type"], item.get("ctx") or {})
                    self.add(column, item["type"], str(params.pop("wording", "")), **params)
            return None


def _pydantic_params(column: str, kind: str, ctx: Mapping[str, object]) -> dict[str, object]:
    """The parameters (and, for salaries out of bounds, the wording) of a problem pydantic found."""
    if kind == "string_too_long":
        return {"limit": ctx.get("max_length")}
    if kind in ("greater_than_equal", "less_than_equal"):
        if column in ("salary", "salary_min", "salary_max"):
            return {"wording": "salary"}
        return {"bound": ctx.get("ge", ctx.get("le"))}
    return {}
