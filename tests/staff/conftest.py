"""The web fixtures (a running board, visitors per role, a small fair) and a few helpers for staff pages."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from sqlmodel import Session

from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.web.conftest import PASSWORD, Fair, Visitor, app, fair, running_app, staff, visitor

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


def db(app: Litestar) -> Session:
    return open_session(BoardPlugin.state_of(app).engine)


def upload(person: Visitor, filename: str, content: bytes, url: str = "/staff/imports", **params: Any) -> Any:
    """A multipart form with the CSRF token, as the upload page's form sends it."""
    form = {"_csrf_token": person.client.cookies.get("csrftoken")}
    files = {"table": (filename, content, "application/octet-stream")}
    return person.client.post(url, data=form, files=files, params=params)


def counted(html: str, attribute: str, value: str) -> int:
    """The number in ``<… data-{attribute}="{value}"><strong>N</strong>`` on a page."""
    match = re.search(rf'data-{attribute}="{re.escape(value)}"[^>]*>\s*<strong>(\d+)</strong>', html)
    assert match is not None, f"no {attribute}={value} on the page"
    return int(match.group(1))
