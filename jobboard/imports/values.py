"""Parsers for the cells of a job table: Chinese words, full-width digits and salary shorthand.

Each parser returns the parsed value or raises :class:`CellError` with the code of the reason
(``problems.PROBLEM_TEXTS`` says it in the reader's language).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from jobboard.companies.models import Segment
from jobboard.jobs.models import Education, Experience, JobType


class CellError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def fold(text: str) -> str:
    """Full-width to half-width (ＡＢ１２ → AB12), case-folded, spaces removed: for codes, not prose."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _lookup(text: str, table: Mapping[str, str]) -> str | None:
    key = fold(text)
    key = re.sub(r"(及以上|以上学历|及以上学历|以上|或以上)$", "", key)  # 本科及以上 → 本科
    return table.get(key)


EDUCATION_WORDS: Mapping[str, str] = {
    "不限": Education.ANY,
    "无": Education.ANY,
    "无要求": Education.ANY,
    "学历不限": Education.ANY,
    "大专": Education.ASSOCIATE,
    "专科": Education.ASSOCIATE,
    "高职": Education.ASSOCIATE,
    "本科": Education.BACHELOR,
    "学士": Education.BACHELOR,
    "统招本科": Education.BACHELOR,
    "硕士": Education.MASTER,
    "研究生": Education.MASTER,
    "硕士研究生": Education.MASTER,
    "博士": Education.PHD,
    "博士研究生": Education.PHD,
    "bachelor's": Education.BACHELOR,
    "master's": Education.MASTER,
    "doctorate": Education.PHD,
} | {value.value: value for value in Education}

JOB_TYPE_WORDS: Mapping[str, str] = {
    "全职": JobType.FULL_TIME,
    "社招": JobType.FULL_TIME,
    "社会招聘": JobType.FULL_TIME,
    "full-time": JobType.FULL_TIME,
    "fulltime": JobType.FULL_TIME,
    "实习": JobType.INTERNSHIP,
    "实习生": JobType.INTERNSHIP,
    "intern": JobType.INTERNSHIP,
    "校招": JobType.CAMPUS,
    "校园招聘": JobType.CAMPUS,
    "应届生": JobType.CAMPUS,
} | {value.value: value for value in JobType}

SEGMENT_WORDS: Mapping[str, str] = {
    "芯": Segment.CHIPS,
    "芯片": Segment.CHIPS,
    "半导体": Segment.CHIPS,
    "集成电路": Segment.CHIPS,
    "光": Segment.OPTICS,
    "光学": Segment.OPTICS,
    "光电": Segment.OPTICS,
    "光电子": Segment.OPTICS,
    "星": Segment.SATELLITES,
    "卫星": Segment.SATELLITES,
    "航天": Segment.SATELLITES,
    "车": Segment.AUTOMOTIVE,
    "汽车": Segment.AUTOMOTIVE,
    "汽车电子": Segment.AUTOMOTIVE,
    "网": Segment.NETWORKS,
    "网络": Segment.NETWORKS,
    "通信": Segment.NETWORKS,
    "其他": Segment.OTHER,
    "其它": Segment.OTHER,
} | {value.value: value for value in Segment}

_EXPERIENCE_WORDS: Mapping[str, str] = {
    "不限": Experience.ANY,
    "经验不限": Experience.ANY,
    "无": Experience.ANY,
    "无要求": Experience.ANY,
    "应届": Experience.NEW_GRADUATE,
    "应届生": Experience.NEW_GRADUATE,
    "应届毕业生": Experience.NEW_GRADUATE,
    "在校生": Experience.NEW_GRADUATE,
    "new_graduate": Experience.NEW_GRADUATE,
} | {value.value: value for value in Experience}


def parse_education(text: str) -> str:
    value = _lookup(text, EDUCATION_WORDS)
    if value is None:
        raise CellError("education_invalid")
    return value


def parse_job_type(text: str) -> str:
    value = _lookup(text, JOB_TYPE_WORDS)
    if value is None:
        raise CellError("job_type_invalid")
    return value


def parse_segment(text: str) -> str:
    value = _lookup(text, SEGMENT_WORDS)
    if value is None:
        raise CellError("segment_invalid")
    return value


def parse_experience(text: str) -> str:
    """Buckets by the minimum years asked: "3年以上" and "3-5年" are both 3-5."""
    value = _lookup(text, _EXPERIENCE_WORDS)
    if value is not None:
        return value
    match = re.fullmatch(r"(\d+)(?:[-~至到](\d+))?(?:年|years?)?(?:及以上|以上|\+)?(?:经验)?", fold(text))
    if match is None:
        raise CellError("experience_invalid")
    years = int(match.group(1))
    if years == 0:
        return Experience.ANY
    if years < 3:
        return Experience.YEARS_1_3
    if years < 5:
        return Experience.YEARS_3_5
    return Experience.YEARS_5_10 if years < 10 else Experience.YEARS_10_PLUS


_COUNT_WORDS = {"若干", "不限", "多名", "若干名", "若干人"}


def parse_headcount(text: str) -> int | None:
    """Openings; "若干" (several) leaves the default of 1."""
    key = fold(text)
    if key in _COUNT_WORDS:
        return None
    match = re.fullmatch(r"(\d+)(?:\.0+)?(?:人|名|个)?", key)
    if match is None:
        raise CellError("headcount_invalid")
    return int(match.group(1))


# Salaries -----------------------------------------------------------------------------------------

NEGOTIABLE_WORDS = {"面议", "薪资面议", "可面议", "面谈", "待遇面议", "negotiable", "n/a", "-", "--", "/"}
_UNITS = {"": 1, "元": 1, "k": 1000, "千": 1000, "w": 10_000, "万": 10_000}
_AMOUNT = r"(\d+(?:\.\d+)?)\s*(k|千|w|万|元)?"
_SALARY_NOISE = re.compile(r"(月薪|每月|/月|元/月|rmb|cny|人民币|[¥￥,，]|税前)")
_MONTHS = re.compile(r"[·.*x×,，\s]*(\d{2})\s*薪$")


def _to_yuan(number: str, unit: str) -> int:
    try:
        return int((Decimal(number) * _UNITS[unit]).to_integral_value())
    except InvalidOperation as error:  # pragma: no cover - the pattern only lets digits through
        raise CellError("salary_invalid") from error


def parse_amount(text: str) -> int | None:
    """One monthly amount: 15000, 15K, 1.5万, 15千, ８０００; 面议 and empty are None."""
    key = _SALARY_NOISE.sub("", fold(text))
    if not key or key in NEGOTIABLE_WORDS:
        return None
    match = re.fullmatch(_AMOUNT, key)
    if match is None:
        raise CellError("salary_invalid")
    return _to_yuan(match.group(1), match.group(2) or "")


def parse_salary(text: str) -> tuple[int | None, int | None, int | None]:
    """A single salary cell as (min, max, months). A unit written only once applies to both ends."""
    key = fold(text)
    if not key or key in NEGOTIABLE_WORDS:
        return None, None, None
    if "年薪" in key or key.endswith(("/年", "每年")) or "/天" in key or "/日" in key or "/时" in key:
        raise CellError("salary_not_monthly")
    months: int | None = None
    months_match = _MONTHS.search(key)
    if months_match is not None:
        months = int(months_match.group(1))
        key = key[: months_match.start()]
    key = _SALARY_NOISE.sub("", key)
    if key in NEGOTIABLE_WORDS or not key:
        return None, None, months
    if re.search(r"(以上|起|以下|\+)$", key):
        raise CellError("salary_open_range")
    match = re.fullmatch(_AMOUNT + r"(?:\s*[-~—–至到]\s*" + _AMOUNT + ")?", key)
    if match is None:
        raise CellError("salary_invalid")
    low, low_unit, high, high_unit = match.groups()
    if high is None:  # one amount: the range is that amount
        amount = _to_yuan(low, low_unit or "")
        return amount, amount, months
    if low_unit is None and high_unit is not None and Decimal(low) <= Decimal(high):
        low_unit = high_unit  # 15-25K: the K belongs to both ends (but not in 8000-25K)
    return _to_yuan(low, low_unit or ""), _to_yuan(high, high_unit or ""), months


def parse_months(text: str) -> int:
    match = re.fullmatch(r"(\d{2})(?:\.0+)?(?:薪|个月|months?)?", fold(text))
    if match is None:
        raise CellError("salary_months_invalid")
    return int(match.group(1))


# Dates --------------------------------------------------------------------------------------------

_OPEN_ENDED = {"长期", "长期有效", "不限", "招满为止", "open", "none"}
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str) -> date | None:
    """2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, an Excel serial number; 长期有效 is no deadline."""
    key = fold(text)
    if not key or key in _OPEN_ENDED:
        return None
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:t?\d{1,2}:\d{2}(?::\d{2})?)?", key)
    try:
        if match is not None:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if re.fullmatch(r"\d{5}(?:\.0+)?", key):  # a date cell Excel handed over as its serial number
            return _EXCEL_EPOCH + timedelta(days=int(float(key)))
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        raise CellError("deadline_invalid") from None
