"""The web fixtures, for the staff outbox page."""

from __future__ import annotations

from tests.web.conftest import app, running_app, staff, visitor

__all__ = ["app", "running_app", "staff", "visitor"]
