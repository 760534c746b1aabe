"""The running board and its people, as tests/web builds them (a fair with two firms and a published job)."""

from tests.web.conftest import app, fair, running_app, staff, visitor

__all__ = ["app", "fair", "running_app", "staff", "visitor"]
