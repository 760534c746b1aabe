"""Which applicants an export holds: the filters, and reading them from a form or the command line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from jobboard.applications.models import ApplicationStatus
from jobboard.companies.models import Segment
from jobboard.core.errors import InvalidInput

EnumT = TypeVar("EnumT", bound=StrEnum)


@dataclass(frozen=True)
class ExportFilters:
    """Which applicants within the scope: any of ``statuses``, any of ``segments``, applied within the days
    ``applied_from``..``applied_to`` at the fair (both included). Empty means no filter."""

    statuses: tuple[ApplicationStatus, ...] = ()
    segments: tuple[Segment, ...] = ()
    applied_from: date | None = None
    applied_to: date | None = None

    def described(self) -> dict[str, object]:
        """The filters for the audit record: plain values, only those in use."""
        detail: dict[str, object] = {
            "status": [str(status) for status in self.statuses],
            "segment": [str(segment) for segment in self.segments],
            "applied_from": self.applied_from.isoformat() if self.applied_from else None,
            "applied_to": self.applied_to.isoformat() if self.applied_to else None,
        }
        return {name: value for name, value in detail.items() if value}


def parse_filters(
    statuses: Iterable[str] = (),
    segments: Iterable[str] = (),
    applied_from: str | None = None,
    applied_to: str | None = None,
) -> ExportFilters:
    """Filters from text; every problem is reported at once, by field, as ``InvalidInput``."""
    problems: dict[str, str] = {}
    parsed = ExportFilters(
        statuses=_choices("status", ApplicationStatus, statuses, problems),
        segments=_choices("segment", Segment, segments, problems),
        applied_from=_day("applied_from", applied_from, problems),
        applied_to=_day("applied_to", applied_to, problems),
    )
    if parsed.applied_from and parsed.applied_to and parsed.applied_from > parsed.applied_to:
        problems.setdefault("applied_to", "date_range_reversed")
    if problems:
        raise InvalidInput(problems)
    return parsed


def _choices(
    name: str, enum: type[EnumT], values: Iterable[str], problems: dict[str, str]
) -> tuple[EnumT, ...]:
    chosen: list[EnumT] = []
    for value in (value.strip() for value in values):
        if not value:
            continue
        try:
            member = enum(value)
        except ValueError:
            problems[name] = "enum"
            continue
        if member not in chosen:
            chosen.append(member)
    return tuple(chosen)


def _day(name: str, value: str | None, problems: dict[str, str]) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        problems[name] = "date_parsing"
        return None
