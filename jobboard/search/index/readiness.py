"""Whether this node can do its work: the database answers, and its search index keeps up with the outbox.

Ready means: the database answers, and this node's search index is at most ``JOBBOARD_READY_MAX_LAG``
seconds behind the outbox (the oldest outbox entry it has not applied yet is younger than that). The
``/readyz`` probe (``web/ops.py``) answers 503 with these checks when it is not, so that the proxy sends
visitors to another node meanwhile.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlmodel import col

from jobboard.core.clock import utcnow
from jobboard.core.db import READ_ONLY
from jobboard.core.outbox import IndexOutboxEntry
from jobboard.core.settings import Settings
from jobboard.search.index.layout import IndexLayout

logger = logging.getLogger("jobboard.ops")


def _index_cursor(settings: Settings) -> int | None:
    generation = IndexLayout(settings.index_dir).current()
    meta = generation.read_meta() if generation else None
    return meta.cursor if meta else None


def readiness(engine: Engine, settings: Settings) -> dict[str, Any]:
    """The checks, each "ok" or what is wrong; ``ready`` when all are ok."""
    checks: dict[str, Any] = {}
    cursor = _index_cursor(settings)
    try:
        with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            connection.execute(text("SELECT 1"))
            oldest, pending = connection.execute(
                select(func.min(col(IndexOutboxEntry.created_at)), func.count()).where(
                    col(IndexOutboxEntry.id) > (cursor or 0)
                )
            ).one()
        checks["database"] = "ok"
    except Exception as error:  # any failure to answer is "not ready", never a 500
        logger.warning("readiness: database unreachable (%s)", type(error).__name__)
        checks["database"] = "unreachable"
        checks["index"] = "unknown" if cursor is not None else "missing"
        return {"status": "unavailable", "checks": checks}
    lag = max(0.0, (utcnow() - oldest).total_seconds()) if pending and oldest else 0.0
    if cursor is None:
        checks["index"] = "missing"
    elif lag > settings.ready_max_lag:
        checks["index"] = "behind"
    else:
        checks["index"] = "ok"
    checks["index_lag_seconds"] = round(lag, 1)
    checks["index_pending"] = pending
    ready = checks["database"] == "ok" and checks["index"] == "ok"
    return {"status": "ready" if ready else "unavailable", "checks": checks}
