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

from pydantic import EmailStr, TypeAdapter, ValidationError

from jobboard.companies.models import Segment
from jobboard.core.clock import fair_today
from jobboard.imports.columns import COLUMN_LABELS_ZH
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
_TEXT_COLUMNS = ("title", "title_en", "description", "requirements", "city", "majors")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never stored (PostgreSQL refuses NUL)
_EMAIL = TypeAdapter(EmailStr)


@dataclass(frozen=True)
class ValidRow:
    line: int
    external_id: str
    company: str
    booth: str
    segment: str
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

    def problem(self, line: int, column: str, code: str, zh: str, en: str) -> ImportProblem:
        return ImportProblem(line, column, code, zh, en, self.headings.get(column, column))


class _RowCheck:
    """One record's validation; collects every problem rather than stopping at the first."""

    def __init__(self, validator: RowValidator, line: int, raw: Mapping[str, object]) -> None:
        self.validator = validator
        self.line = line
        self.raw = raw
        self.problems: list[ImportProblem] = []
        self._texts: dict[str, str] = {}

    def add(self, column: str, code: str, zh: str, en: str) -> None:
        self.problems.append(self.validator.problem(self.line, column, code, zh, en))

    def text(self, column: str, *, prose: bool = False) -> str:
        """The cell as clean text ("" when empty); prose keeps its line breaks, other cells one line."""
        if column not in self._texts:
            self._texts[column] = self._clean(column)
        text = self._texts[column]
        return text if prose else " ".join(text.split())

    def _clean(self, column: str) -> str:
        """Formulas and unusable types become problems (once per cell)."""
        value = self.raw.get(column)
        label = COLUMN_LABELS_ZH[column]
        if isinstance(value, FormulaCell):
            self.add(
                column,
                "formula",
                f"{label}是公式或错误值（{value.text[:40]}），请粘贴为数值/文本",
                f"{column} holds a formula or error ({value.text[:40]}); paste it as a value",
            )
            return ""
        if isinstance(value, list) and column == "majors":
            value = "、".join(str(item) for item in value if item is not None)
        if isinstance(value, bool | dict | list):
            self.add(column, "wrong_type", f"{label}的格式不正确", f"{column} has the wrong type")
            return ""
        value = to_text(value)
        if value is None:
            return ""
        text = _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
        if text.startswith("="):  # a formula typed into a CSV cell: never stored (CSV injection)
            self.add(
                column,
                "formula",
                f"{label}不能以“=”开头（公式）",
                f"{column} must not start with '=' (a formula)",
            )
            return ""
        return text

    def parsed(self, column: str, parse: Callable[[str], object]) -> object:
        text = self.text(column)
        if not text:
            return None
        try:
            return parse(text)
        except CellError as error:
            self.add(
                column,
                error.code,
                f"{error.message_zh}（填写的是“{text[:40]}”）",
                f"{error.message_en} (got {text[:40]!r})",
            )
            return None

    def run(self) -> ValidRow | list[ImportProblem]:
        data: dict[str, object] = {column: self.text(column, prose=True) for column in _TEXT_COLUMNS}
        for column in ("title", "title_en", "city"):
            data[column] = " ".join(str(data[column]).split())
        company = self.text("company")
        for column, value in (
            ("company", company),
            *((c, data[c]) for c in ("title", "description", "city")),
        ):
            if not value and not any(p.column == column for p in self.problems):
                label = COLUMN_LABELS_ZH[column]
                self.add(column, "required", f"{label}不能为空", f"{column} is required")
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
                self.add(
                    "contact_email",
                    "email_invalid",
                    f"联系邮箱格式不正确（“{email[:60]}”）",
                    f"contact_email is not a valid e-mail address ({email[:60]!r})",
                )
        segment = self.parsed("segment", parse_segment) or Segment.OTHER
        booth = unicodedata.normalize("NFKC", self.text("booth"))
        external_id = unicodedata.normalize("NFKC", self.text("external_id"))
        self.check_lengths(company, booth, external_id)
        posting = self.posting(data, salary_column)
        if posting is not None and posting.deadline is not None and posting.deadline < fair_today():
            self.add(
                "deadline",
                "deadline_in_past",
                f"截止日期 {posting.deadline} 已过",
                f"the deadline {posting.deadline} has passed",
            )
        if not external_id and company and data["title"]:
            external_id = derived_external_id(company, str(data["title"]))
        self.check_duplicate(external_id)
        if self.problems or posting is None:
            return self.problems
        return ValidRow(self.line, external_id, company, booth, str(segment), posting)

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
                self.add(
                    column,
                    "too_long",
                    f"{COLUMN_LABELS_ZH[column]}不能超过 {limit} 个字符",
                    f"{column} must be at most {limit} characters",
                )

    def check_duplicate(self, external_id: str) -> None:
        if not external_id:
            return
        first_line = self.validator.seen_ids.setdefault(external_id, self.line)
        if first_line != self.line:
            self.add(
                "external_id",
                "duplicate_external_id",
                f"岗位编号“{external_id}”与第 {first_line} 行重复（同一单位的同名岗位请分别填写编号）",
                f"external_id {external_id!r} repeats line {first_line} "
                "(give same-titled postings of a firm their own ids)",
            )

    def posting(self, data: dict[str, object], salary_column: str) -> JobPosting | None:
        fields = {key: value for key, value in data.items() if value is not None and value != ""}
        # Both ends always go in: JobPosting checks the range only when salary_max is given.
        fields["salary_min"], fields["salary_max"] = data.get("salary_min"), data.get("salary_max")
        for required in ("title", "description", "city"):
            fields.setdefault(required, "")
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
                    self.add(
                        column, item["type"], *_pydantic_message(column, item["type"], item.get("ctx") or {})
                    )
            return None


def _pydantic_message(column: str, kind: str, ctx: Mapping[str, object]) -> tuple[str, str]:
    label = COLUMN_LABELS_ZH.get(column, column)
    if kind in ("string_too_short", "missing"):
        return f"{label}不能为空", f"{column} is required"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return f"{label}不能超过 {limit} 个字符", f"{column} must be at most {limit} characters"
    if kind == "salary_range_incomplete":
        return (
            "请同时填写最低和最高月薪，或都不填（面议）",
            "give both ends of the salary range, or neither (negotiable)",
        )
    if kind == "salary_range_reversed":
        return "最高月薪低于最低月薪", "the salary range ends below where it starts"
    if column in ("salary", "salary_min", "salary_max") and kind in ("greater_than_equal", "less_than_equal"):
        return (
            "月薪须在 1000 到 1000000 元之间（如 15K 表示 15000 元）",
            "monthly salary must be between 1,000 and 1,000,000 CNY (write 15K for 15,000)",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        relation_zh, relation_en = (
            ("不能小于", "at least") if kind == "greater_than_equal" else ("不能大于", "at most")
        )
        return f"{label}{relation_zh} {bound}", f"{column} must be {relation_en} {bound}"
    return f"{label}的值无效", f"{column} is not valid"
