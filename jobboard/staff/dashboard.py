"""The overview's charts, in the reader's language."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from jobboard.core.i18n import get_locale, gettext
from jobboard.core.labels import label
from jobboard.core.text import bilingual
from jobboard.staff.charts import Bar, columns, horizontal_bars
from jobboard.staff.services import FairOverview


def _day(value: date) -> str:
    return f"{value.month}月{value.day}日" if get_locale() == "zh" else f"{value:%b} {value.day}"


def overview_charts(overview: FairOverview) -> dict[str, Markup]:
    none_yet = gettext("Nothing to show yet.")
    return {
        "jobs": horizontal_bars(
            "chart-jobs",
            gettext("Jobs by state"),
            [Bar(label(status), count) for status, count in overview.jobs_by_status.items()],
            empty_text=none_yet,
        ),
        "per_day": columns(
            "chart-days",
            gettext("Applications per day"),
            [Bar(_day(day), count) for day, count in overview.applications_by_day],
            empty_text=gettext("No applications yet."),
        ),
        "per_segment": horizontal_bars(
            "chart-segments",
            gettext("Applications per segment"),
            [Bar(label(segment), count) for segment, count in overview.applications_by_segment.items()],
            empty_text=none_yet,
        ),
        "top_firms": horizontal_bars(
            "chart-firms",
            gettext("Companies with the most applications"),
            [Bar(bilingual(firm.name_zh, firm.name_en), firm.applications) for firm in overview.top_firms],
            empty_text=gettext("No applications yet."),
        ),
    }
