"""Ids in URLs beyond what a database column holds: no such record, so 404, before any query sees them
(SQLite cannot bind an integer past 2**63 and PostgreSQL's INTEGER stops at 2**31 - 1: both would fail
the query and answer 500)."""

from __future__ import annotations

from litestar.exceptions import NotFoundException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from jobboard.core.columns import LARGEST_INTEGER


class IdRangeMiddleware(ASGIMiddleware):
    """Runs after routing, so ``path_params`` holds the parsed ``{…:int}`` values of the route."""

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        for value in scope.get("path_params", {}).values():
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_INTEGER:
                raise NotFoundException()
        await next_app(scope, receive, send)
