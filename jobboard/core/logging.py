"""Logs: one line per record, JSON when ``JOBBOARD_LOG_FORMAT=json``, each with the request's id.

No personal data: the board logs methods, paths without their query strings, statuses and durations,
never form bodies, client addresses, names or e-mail addresses. As a safety net the formatters mask
anything that looks like an e-mail address or a mainland mobile number, and PostgreSQL's DETAIL lines
(which quote the row), in messages and tracebacks.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TextIO

REQUEST_ID: ContextVar[str | None] = ContextVar("jobboard_request_id", default=None)

_GIVEN_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# PostgreSQL's own messages quote the row: "DETAIL:  Key (email)=(…) already exists", "Failing row contains …"
_DB_DETAIL = re.compile(r"(?m)^(DETAIL:\s*).*$")
_MOBILE = re.compile(r"(?<!\d)(\+?86[ -]?)?1[3-9]\d([ -]?\d{4}){2}(?!\d)")
# Line breaks and other control characters (C0, DEL, C1, the Unicode line and paragraph separators) in what a
# request brings (a path with %0A) would forge lines in a log: they are written as escapes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Attributes of a record that the JSON lines carry besides the message (see web/request_log.py).
EXTRA_FIELDS = ("method", "path", "route", "status", "duration_ms")


def request_id_from(header: str | None) -> str:
    """The proxy's or client's X-Request-ID when it is a sane token, else a new one."""
    if header and _GIVEN_ID.fullmatch(header) and not _EMAIL.search(header):
        return header
    return uuid.uuid4().hex


def redact(text: str) -> str:
    return _MOBILE.sub("<phone>", _EMAIL.sub("<email>", _DB_DETAIL.sub(r"\1(values hidden)", text)))


def one_line(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``, ``\\u2028``): one log line."""
    return _CONTROL.sub(lambda found: repr(found.group(0))[1:-1], text)


def _install_record_factory() -> None:
    """Every record carries the id of the request it was made in ("-" outside requests), whichever
    handler writes it; set when the record is made, in the request's own context."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "stamps_request_id", False):
        return

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = REQUEST_ID.get() or "-"
        return record

    factory.stamps_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(one_line(record.getMessage())),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update(
            {
                name: one_line(value) if isinstance(value := getattr(record, name), str) else value
                for name in EXTRA_FIELDS
                if hasattr(record, name)
            }
        )
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):
            record.request_id = "-"
        return redact(super().format(record))

    def formatMessage(self, record: logging.LogRecord) -> str:
        """The record's own line, escaped; a traceback after it keeps its lines."""
        record.message = one_line(record.message)
        return super().formatMessage(record)


class _BoardHandler(logging.StreamHandler[TextIO]):
    """Marks the handler this module installed, so that configuring twice replaces it."""


def configure_logging(log_format: str = "text") -> None:
    """Installs one handler on the root logger (idempotent), and routes Uvicorn's logs through it.

    Uvicorn's access log is switched off: it prints client addresses and full URLs with query strings.
    The board's own access lines come from ``jobboard.web.request_log``.

    Nothing may configure logging after this: the app is built with ``logging_config=None``, since
    Litestar's default ``LoggingConfig`` runs a ``dictConfig`` that replaces the root logger's handlers
    with its own plain-text one, and ``jobboard serve`` gives Uvicorn ``log_config=None`` and calls this
    in the supervisor itself (each worker calls it when it builds the app).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _BoardHandler)]:
        root.removeHandler(handler)
        handler.close()
    handler = _BoardHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root.addHandler(handler)
    _install_record_factory()
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logging.getLogger("jobboard").setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error"):
        server_logger = logging.getLogger(name)
        server_logger.handlers.clear()
        server_logger.propagate = True
    logging.getLogger("uvicorn.error").setLevel(logging.INFO)
    access = logging.getLogger("uvicorn.access")
    access.handlers.clear()
    access.propagate = False
    access.disabled = True
