"""Cell values that a spreadsheet program shows as text and never runs as a formula."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from jobboard.core.clock import FAIR_TIMEZONE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 forbids these control characters; openpyxl refuses them and Excel would call the file corrupt.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_cell(value: object) -> str:
    """Text starting with = + - @, a tab or a carriage return gets an apostrophe in front (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return fair_time(value)
    return safe_text(str(value))


def safe_text(text: str) -> str:
    """``safe_cell`` for a value already known to be text: the per-cell fast path of large exports."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def fair_time(moment: datetime) -> str:
    """A stored UTC moment as the fair's wall-clock time, to the minute (2026-09-01 09:30)."""
    return moment.astimezone(FAIR_TIMEZONE).isoformat(" ", "minutes")[:16]


def xml_text(text: str) -> str:
    """Drops the control characters that XML (and so XLSX) cannot hold; tabs and line breaks stay."""
    return _NOT_IN_XML.sub("", text) if _NOT_IN_XML.search(text) else text


class FairClock:
    """``fair_time`` for a whole export, fast: SQLite hands back UTC as text ('2026-09-01 01:30:00.000000'),
    and the fair's hour for each UTC hour is worked out once (Asia/Shanghai has changed its offset only by
    whole hours since 1901). Datetimes (PostgreSQL) and anything unusual take the exact path."""

    def __init__(self) -> None:
        self._hours: dict[str, str] = {}

    def text(self, value: datetime | str) -> str:
        try:
            return self._hours[value[:13]] + value[13:16]  # type: ignore[index]
        except (KeyError, TypeError):
            return self._first_of_hour(value)

    def _first_of_hour(self, value: datetime | str) -> str:
        if isinstance(value, datetime):
            return fair_time(value)
        exact = fair_time(datetime.fromisoformat(value).replace(tzinfo=UTC))
        hour = _fair_hour(value[:13]) if value[13:14] == ":" else None
        if hour is not None:
            self._hours[value[:13]] = hour
        return exact


def _fair_hour(utc_hour: str) -> str | None:
    """'2026-09-01 01' (UTC) → '2026-09-01 09' (at the fair), or None if the offset is not whole hours."""
    try:
        moment = datetime.fromisoformat(utc_hour + ":00").replace(tzinfo=UTC).astimezone(FAIR_TIMEZONE)
    except ValueError:
        return None
    offset = moment.utcoffset()
    if offset is None or offset.total_seconds() % 3600:
        return None
    return fair_time(moment)[:13]
