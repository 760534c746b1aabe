"""Plain text in the reader's language: salaries, dates, numbers, and which of two languages to show.

Pages (as template filters), the feed, the staff charts and the audit page all word these the same way.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.core.i18n import HTML_LANG, get_locale, gettext


def salary_text(job: Any) -> str:
    """15-25K·14薪 in Chinese; CNY 15k–25k a month, 14 months in English; 面议 when negotiable."""
    if job.salary_min is None or job.salary_max is None:
        return gettext("Negotiable")
    low, high = _thousands(job.salary_min), _thousands(job.salary_max)
    months = job.salary_months
    if get_locale() == "zh":
        return f"{low}-{high}K" + (f"·{months}薪" if months != 12 else "")
    text = f"CNY {low}k–{high}k a month"
    return text + (f", {months} months" if months != 12 else "")


def _thousands(amount: int) -> str:
    value = amount / 1000
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def local_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(FAIR_TIMEZONE).date()
    if get_locale() == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return format_date(value, format="medium", locale="en")  # Mar 12, 2026


def local_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    moment = value.astimezone(FAIR_TIMEZONE)
    return f"{local_date(moment)} {moment:%H:%M}"


def number(value: int | float | None) -> str:
    """1,234 in both languages, by the locale's own rules."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"  # zh and en both group whole numbers by thousands with a comma; Babel is slow
    return "" if value is None else format_decimal(value, locale=HTML_LANG[get_locale()].replace("-", "_"))


def bilingual(primary_zh: str, english: str) -> str:
    """The reader's language first, falling back to the other (plain text, for titles and attributes)."""
    if get_locale() == "en":
        return english or primary_zh
    return primary_zh or english


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)  # called for every job on every results page, with the same few thousand texts
def written_in(text: str) -> str:
    """The language a free text is written in, roughly: Chinese if it has more Han characters than letters."""
    han, letters = len(_CJK.findall(text or "")), len(_LATIN.findall(text or ""))
    return "zh" if han and han * 2 >= letters else "en"
