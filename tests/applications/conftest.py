"""The web fixtures: a running board, visitors per role, a small fair."""

from __future__ import annotations

from tests.web.conftest import app, fair, running_app, staff, visitor

__all__ = ["app", "fair", "running_app", "staff", "visitor"]
