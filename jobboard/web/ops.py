"""For the operators' probes: ``/healthz`` (the process answers) and ``/readyz`` (it can do its work).

What "ready" checks is the board's to say: the plugin provides ``readiness``, a callable that returns
``{"status": "ready" | "unavailable", "checks": {...}}`` (``jobboard.search.index.readiness.py``). A node that
is not ready answers 503 with the failing checks in a JSON body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import MediaType, Response, get
from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

NO_STORE = {"Cache-Control": "no-store"}
Readiness = dict[str, Any]


@get("/healthz", include_in_schema=False, sync_to_thread=False, media_type=MediaType.JSON)
def healthz() -> Response[dict[str, str]]:
    return Response({"status": "ok"}, headers=NO_STORE)


@get("/readyz", include_in_schema=False, media_type=MediaType.JSON)
async def readyz(readiness: NamedDependency[Callable[[], Readiness]]) -> Response[Readiness]:
    report = await sync_to_thread(readiness)
    status = HTTP_200_OK if report["status"] == "ready" else HTTP_503_SERVICE_UNAVAILABLE
    return Response(report, status_code=status, headers=NO_STORE)


OPS_HANDLERS = [healthz, readyz]
