"""A request id for every request, and one access line per request without personal data.

Wraps the whole application (``app.asgi_handler``), so that unknown URLs, rejected hosts and errors get
an id and a line too. The id is the incoming ``X-Request-ID`` (a proxy's) when it is a sane token, else a
new one; it is answered in ``X-Request-ID`` and stamped on every log record made while the request runs.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from jobboard.core.logging import REQUEST_ID, request_id_from

access_log = logging.getLogger("jobboard.access")
HEADER = b"x-request-id"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(_header(scope, HEADER))
        scope.setdefault("state", {})["request_id"] = request_id  # type: ignore[typeddict-item]
        token = REQUEST_ID.set(request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER]
                message["headers"] = [*headers, (HEADER, request_id.encode())]  # type: ignore[typeddict-unknown-key]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self._log(scope, status, time.perf_counter() - started)
            REQUEST_ID.reset(token)

    @staticmethod
    def _log(scope: Scope, status: int, seconds: float) -> None:
        if scope.get("path", "").startswith(("/static/", "/healthz")):
            return  # assets and liveness probes would drown the log
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
