"""A request id for every request, and one access line per request without personal data.

Two Litestar hooks share the work. ``RequestLogMiddleware`` (the outermost middleware) gives a routed
request its id before anything runs, so that every log record made while it runs carries it. The
``before_send`` hook ``stamp_response`` sees every response the app sends, routed or not (unknown URLs
and wrong methods are answered before any middleware): it answers the id in ``X-Request-ID`` and writes
the access line when the body is complete. The id is the incoming ``X-Request-ID`` (a proxy's) when it is
a sane token, else a new one.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from jobboard.core.logging import REQUEST_ID, request_id_from

access_log = logging.getLogger("jobboard.access")
HEADER = b"x-request-id"
_ID, _STARTED, _STATUS = "request_id", "jobboard.started", "jobboard.status"
QUIET_PATHS = ("/static/", "/healthz")  # assets and liveness probes would drown the log


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _request_id(scope: Scope) -> str:
    state: dict[str, Any] = scope.setdefault("state", {})
    if _ID not in state:
        state[_ID] = request_id_from(_header(scope, HEADER))
        state[_STARTED] = time.perf_counter()
    return str(state[_ID])


class RequestLogMiddleware(ASGIMiddleware):
    scopes = ("http",)  # type: ignore[assignment]

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        token = REQUEST_ID.set(_request_id(scope))
        try:
            await next_app(scope, receive, send)
        finally:
            REQUEST_ID.reset(token)


async def stamp_response(message: Message, scope: Scope) -> None:
    if scope["type"] != "http":
        return
    request_id = _request_id(scope)
    state: dict[str, Any] = scope["state"]
    if message["type"] == "http.response.start":
        state[_STATUS] = message["status"]
        headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER]
        message["headers"] = [*headers, (HEADER, request_id.encode())]
    elif message["type"] == "http.response.body" and not message.get("more_body", False):
        token = REQUEST_ID.set(request_id)
        try:
            _log(scope, state.get(_STATUS, 500), time.perf_counter() - state[_STARTED])
        finally:
            REQUEST_ID.reset(token)


def _log(scope: Scope, status: int, seconds: float) -> None:
    if scope.get("path", "").startswith(QUIET_PATHS):
        return
    route: Any = scope.get("path_template")
    access_log.info(
        "%s %s %s %.1f ms",
        scope.get("method"),
        scope.get("path"),  # never the query string: searches and filters are what people typed
        status,
        seconds * 1000,
        extra={
            "method": scope.get("method"),
            "path": scope.get("path"),
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
        },
    )
