"""What each import problem says: one English text per code, shown through the catalogue in the
reader's language (staff pages in theirs, the command line in English).

A problem carries a code and parameters; ``%(column)s`` is filled in at rendering with the column's name
in the reader's language (学历要求 or education), and list parameters are joined as that language lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from jobboard.core.i18n import N_, locale_scope, translations
from jobboard.core.labels import label
from jobboard.imports.columns import COLUMN_LABELS_EN, COLUMN_LABELS_ZH

_REQUIRED = N_("%(column)s is required")
_TOO_LONG = N_("%(column)s must be at most %(limit)s characters")
_SALARY_BOUNDS = N_("monthly salary must be between 1,000 and 1,000,000 CNY (write 15K for 15,000)")

PROBLEM_TEXTS: dict[str, str] = {
    # The whole file
    "unreadable_file": N_("the file cannot be read"),
    "empty_file": N_("the file is empty"),
    "file_too_large": N_("the file is larger than %(mb)s MB; split it and import the parts"),
    "wrong_format": N_("save the file as an .xlsx workbook and import that"),
    "wrong_format.protected": N_(
        "this is a legacy .xls or password-protected workbook: save it unprotected as .xlsx"
    ),
    "not_a_workbook": N_("the file cannot be read: it is not a valid Excel workbook (.xlsx)"),
    "unsupported_type": N_("only .csv, .xlsx and .jsonl files can be imported"),
    "unreadable_text": N_("the file is not readable text: save it as CSV in UTF-8 or GBK, or as .xlsx"),
    "unreadable_csv": N_("the CSV is malformed near line %(line)s"),
    "json_array": N_("expected JSON Lines (one JSON object per line), not a JSON array"),
    "bad_json": N_("this line is not valid JSON"),
    "not_an_object": N_("this line must be a JSON object {…}"),
    "too_many_rows": N_("the table has more than %(limit)s rows; split it and import the parts"),
    "no_rows": N_("the table has a header but no rows"),
    "duplicate_column": N_('"%(first)s" and "%(second)s" both give %(column)s; keep one of them'),
    "missing_column": N_("the required column %(column)s is missing"),
    "unknown_columns": N_("columns not recognised: %(headings)s"),
    # One cell
    "formula": N_("%(column)s holds a formula or error (%(formula)s); paste it as a value"),
    "formula.typed": N_("%(column)s must not start with '=' (a formula)"),
    "wrong_type": N_("%(column)s has the wrong type"),
    "required": _REQUIRED,
    "missing": _REQUIRED,
    "string_too_short": _REQUIRED,
    "too_long": _TOO_LONG,
    "string_too_long": _TOO_LONG,
    "greater_than_equal": N_("%(column)s must be at least %(bound)s"),
    "less_than_equal": N_("%(column)s must be at most %(bound)s"),
    "greater_than_equal.salary": _SALARY_BOUNDS,
    "less_than_equal.salary": _SALARY_BOUNDS,
    "salary_range_incomplete": N_("give both ends of the salary range, or neither (negotiable)"),
    "salary_range_reversed": N_("the salary range ends below where it starts"),
    "language_incomplete": N_(
        "%(column)s is required: give the title and the duties in Chinese, or both in the English columns"
    ),
    "invalid": N_("%(column)s is not valid"),
    "education_invalid": N_(
        "%(column)s must be one of 不限, 大专, 本科, 硕士, 博士 (or any, associate, bachelor, master, phd)"
    ),
    "job_type_invalid": N_("%(column)s must be one of 全职, 实习, 校招 (or full-time, internship, campus)"),
    "segment_invalid": N_(
        "%(column)s must be one of 芯, 光, 星, 车, 网, 其他 "
        "(or chips, optics, satellites, automotive, networks, other)"
    ),
    "experience_invalid": N_(
        "%(column)s must be 不限 (any), 应届 (new graduates) or years such as 1-3, 3-5, 5-10, 10+"
    ),
    "headcount_invalid": N_("%(column)s must be a whole number (or 若干)"),
    "salary_invalid": N_(
        "salary must be monthly, e.g. 15-25K, 15K-25K·14薪, 1.5万-2万, 8000-12000 or 面议 (negotiable)"
    ),
    "salary_not_monthly": N_("salary must be a monthly amount (convert annual or daily pay to monthly)"),
    "salary_open_range": N_("give both ends of the salary (e.g. 15-25K), or 面议 (negotiable)"),
    "salary_months_invalid": N_("%(column)s must be a whole number from 12 to 24 (e.g. 14)"),
    "deadline_invalid": N_("%(column)s must be a date such as 2025-06-30 (or empty)"),
    "email_invalid": N_("%(column)s is not a valid e-mail address ('%(value)s')"),
    "deadline_in_past": N_("the deadline %(deadline)s has passed"),
    "duplicate_external_id": N_(
        "%(column)s '%(external_id)s' repeats line %(first_line)s "
        "(give same-titled postings of a firm their own ids)"
    ),
    # Against what is stored
    "external_id_taken": N_("%(column)s '%(external_id)s' belongs to another company's job; use another id"),
    "company_not_approved": N_(
        "company '%(company)s' is not approved (%(status)s): its imported jobs stay hidden"
    ),
    "company_near_match": N_(
        "company '%(company)s' is not on the board, but '%(existing)s' is: say whether it is the same firm"
    ),
    "booth_taken": N_("booth %(booth)s is already held by '%(company)s'; give this company another booth"),
}
# A cell that could not be read: the reason, then what the cell held (``got``).
_WITH_CELL = N_("%(reason)s (got '%(got)s')")
_LIST_SEPARATOR = {"zh": "、"}


def column_name(column: str, language: str) -> str:
    """A column as the reader calls it: 学历要求 in Chinese, Education in English."""
    labels = COLUMN_LABELS_ZH if language == "zh" else COLUMN_LABELS_EN
    return labels.get(column, column)


def problem_text(text_key: str, column: str, params: Mapping[str, object], language: str) -> str:
    """``text_key`` is the problem's code, or ``code.wording`` where one code has several texts."""
    language = "zh" if language.lower().startswith("zh") else "en"
    gettext = translations(language).gettext
    separator = _LIST_SEPARATOR.get(language, ", ")
    values = {name: _shown(value, separator, language) for name, value in params.items()}
    values["column"] = column_name(column, language)
    text = gettext(PROBLEM_TEXTS.get(text_key) or PROBLEM_TEXTS["invalid"]) % values
    if "got" in values:
        return gettext(_WITH_CELL) % {"reason": text, "got": values["got"]}
    return text


def _shown(value: object, separator: str, language: str) -> object:
    """Lists as the language lists, enum members (a firm's status) by their label, not their code."""
    if isinstance(value, list | tuple):
        return separator.join(map(str, value))
    if isinstance(value, StrEnum):
        with locale_scope(language):
            return label(value)
    return value
