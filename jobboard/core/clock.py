"""One notion of "now" for the whole board, always timezone-aware UTC."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

FAIR_TIMEZONE = ZoneInfo("Asia/Shanghai")


def utcnow() -> datetime:
    return datetime.now(UTC)


def fair_today() -> date:
    """Deadlines are dates at the fair's location, Changchun."""
    return datetime.now(FAIR_TIMEZONE).date()
