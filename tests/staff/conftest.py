"""The web fixtures (a running board, visitors per role, a small fair) and a helper for the overview."""

from __future__ import annotations

import re

from tests.web.conftest import PASSWORD, Fair, Visitor, app, db, fair, running_app, staff, upload, visitor

__all__ = [
    "PASSWORD",
    "Fair",
    "Visitor",
    "app",
    "counted",
    "db",
    "fair",
    "running_app",
    "staff",
    "upload",
    "visitor",
]


def counted(html: str, attribute: str, value: str) -> int:
    """The number in ``<… data-{attribute}="{value}"><strong>N</strong>`` on a page."""
    match = re.search(rf'data-{attribute}="{re.escape(value)}"[^>]*>\s*<strong>(\d+)</strong>', html)
    assert match is not None, f"no {attribute}={value} on the page"
    return int(match.group(1))
