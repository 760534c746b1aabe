"""Request ids on every answer and log line; JSON lines when configured; no personal data in the log."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest
from litestar import Litestar
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from jobboard.accounts.models import Role, User
from jobboard.core.db import open_session
from jobboard.core.logging import JsonFormatter, TextFormatter, configure_logging, redact, request_id_from
from jobboard.core.settings import Settings
from tests.ops.conftest import Fair, Visitor

EMAIL = "li.ming.private@example.cn"
NAME = "黎明私人"
PHONE = "13912345678"


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Everything logged, as the JSON handler writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    handler.addFilter(lambda record: record.name != "httpx")  # the tests' own client, not the board
    yield stream
    root.removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_request_id_is_answered_and_a_proxy_s_is_kept(visitor) -> None:  # type: ignore[no-untyped-def]
    person: Visitor = visitor()
    own = person.get("/jobs").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", own)
    assert person.get("/jobs").headers["x-request-id"] != own
    given = person.get("/jobs", headers={"X-Request-ID": "nginx-4f2a9c.17"})
    assert given.headers["x-request-id"] == "nginx-4f2a9c.17"
    for bad in ("has spaces in it", "x" * 200, f"{EMAIL}"):
        answered = person.get("/jobs", headers={"X-Request-ID": bad}).headers["x-request-id"]
        assert answered != bad and re.fullmatch(r"[0-9a-f]{32}", answered)
    assert person.get("/no/such/page").headers["x-request-id"]  # unknown URLs too


def test_the_log_has_request_ids_and_no_personal_data(
    fair: Fair,
    visitor,
    log_lines: io.StringIO,  # type: ignore[no-untyped-def]
) -> None:
    person: Visitor = visitor()
    answers = [
        person.register_seeker(EMAIL, name=NAME, phone=PHONE),
        person.get(f"/jobs?q={EMAIL}+{NAME}"),
        person.get(f"/api/jobs?q={NAME}&city=长春"),
        person.post("/login", {"email": EMAIL, "password": "wrong password"}),
        person.login(EMAIL),
        person.apply(fair.job_id, cover_letter=f"{NAME} {PHONE} {EMAIL}"),
        fair.employer_a.get(f"/employer/applications/{fair.application_id}/resume?name={NAME}&email={EMAIL}"),
        person.get(f"/me/applications/999/resume?who={EMAIL}"),
    ]
    text = log_lines.getvalue()
    for secret in (EMAIL, NAME, PHONE, "q=", "?"):
        assert secret not in text, f"{secret!r} in the log"
    lines = _lines(log_lines)
    access = [line for line in lines if line["logger"] == "jobboard.access"]
    assert len(access) >= len(answers)
    ids = {answer.headers["x-request-id"] for answer in answers}
    assert ids <= {line["request_id"] for line in access}
    for line in access:
        assert {"time", "level", "message", "method", "path", "status", "duration_ms"} <= line.keys()
        assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])


def test_records_made_inside_a_request_carry_its_id(
    app: Litestar, running_app, log_lines: io.StringIO
) -> None:  # type: ignore[no-untyped-def]
    from tests.pages.conftest import _boom

    app.register(_boom)
    answer = running_app.get("/__test__/boom", headers={"X-Request-ID": "trace-500"})
    assert answer.status_code == 500
    errors = [line for line in _lines(log_lines) if line["logger"] == "jobboard.errors"]
    assert errors and errors[0]["request_id"] == "trace-500"
    assert "RuntimeError" in errors[0]["exception"]


def test_json_format_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBBOARD_LOG_FORMAT", "json")
    monkeypatch.setenv("JOBBOARD_SECRET_KEY", "x" * 40)
    assert Settings.from_env().log_format == "json"
    configure_logging("json")
    try:
        handlers = [h for h in logging.getLogger().handlers if type(h).__name__ == "_BoardHandler"]
        assert len(handlers) == 1 and isinstance(handlers[0].formatter, JsonFormatter)
        configure_logging("json")  # twice: still one handler
        assert len([h for h in logging.getLogger().handlers if type(h).__name__ == "_BoardHandler"]) == 1
        assert logging.getLogger("uvicorn.access").disabled  # it prints addresses and query strings
    finally:
        configure_logging("text")


def test_the_safety_net_masks_addresses_and_phone_numbers() -> None:
    assert (
        redact(f"user {EMAIL} phone {PHONE} or +86 139 1234 5678") == "user <email> phone <phone> or <phone>"
    )
    assert request_id_from("abc") == "abc" and request_id_from(None) != request_id_from(None)


def test_database_errors_reach_the_log_without_the_row(engine: Engine) -> None:
    """A constraint error's message names no value: SQLAlchemy hides the parameters, and the formatters
    hide what PostgreSQL quotes itself ("DETAIL:  Key (email)=(…) already exists")."""
    with open_session(engine) as session:
        session.add(User(email=EMAIL, password_hash="x", role=Role.SEEKER, full_name=NAME, phone=PHONE))
        session.commit()
    with open_session(engine) as session, pytest.raises(IntegrityError) as caught:
        session.add(User(email=EMAIL, password_hash="x", role=Role.SEEKER, full_name=NAME, phone=PHONE))
        session.commit()
    assert "parameters hidden" in str(caught.value)
    record = logging.getLogger("jobboard.errors").makeRecord(
        "jobboard.errors", logging.ERROR, __file__, 1, "unhandled %s", ("IntegrityError",),
        (type(caught.value), caught.value, caught.value.__traceback__),
    )  # fmt: skip
    for formatter in (JsonFormatter(), TextFormatter()):
        line = formatter.format(record)
        assert "IntegrityError" in line
        for secret in (EMAIL, NAME, PHONE):
            assert secret not in line


@pytest.mark.parametrize("formatter", [TextFormatter(), JsonFormatter()], ids=["text", "json"])
def test_a_line_break_in_a_path_forges_no_log_line(visitor, formatter: logging.Formatter) -> None:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(lambda record: record.name == "jobboard.access")
    access = logging.getLogger("jobboard.access")
    access.addHandler(handler)
    person = visitor()
    try:
        forged = "/jobs%0A2026-12-04 10:00:00,000 INFO jobboard.access [-] POST /staff 200%0D%1B[2J%E2%80%A8x"
        assert person.get(forged).status_code == 404
    finally:
        access.removeHandler(handler)
    lines = [line for line in stream.getvalue().splitlines() if "/login" not in line]  # its CSRF cookie
    assert len(lines) == 1, lines  # the request's one line, nothing forged after it
    assert "\\n2026-12-04" in lines[0] and "\\x1b" in lines[0] and "\\u2028" in lines[0]
    assert "\x1b" not in lines[0] and "\u2028" not in lines[0] and "\r" not in lines[0]
