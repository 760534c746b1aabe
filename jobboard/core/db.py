"""Engine and session factory. SQLite gets WAL, a busy timeout and write-ahead-safe transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

# One per handler thread (jobboard/web/threads.py sizes the threads by it).
POOLED_CONNECTIONS = 20
# ``connection.execution_options(**{READ_ONLY: True})``: a transaction that never writes; on SQLite
# it begins DEFERRED and so waits for no writer (health checks, reports).
READ_ONLY = "jobboard_read_only"


def create_db_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    # hide_parameters: an error's message never carries the row's values (e-mails, names) into a log.
    if url.get_backend_name() != "sqlite":
        engine = create_engine(
            url,
            pool_pre_ping=True,
            # A connection kept open for every handler thread (web/threads.py), and a few for the index
            # follower, the search counts and the probes: opening one per request costs milliseconds.
            pool_size=POOLED_CONNECTIONS,
            max_overflow=5,
            hide_parameters=True,
            connect_args={"connect_timeout": 5} if url.get_backend_name() == "postgresql" else {},
        )
        if url.get_backend_name() == "postgresql":
            _drop_nul_characters(engine)
        return engine
    if url.database and url.database != ":memory:":
        database = Path(url.database)
        database.parent.mkdir(parents=True, exist_ok=True)
        if database.exists():  # made before the board kept its files private: SQLite gives its journals
            database.chmod(0o600)  # the database file's mode, so this covers them too
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
    )
    _make_sqlite_transactions_immediate(engine)
    return engine


def _without_nul(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) and "\x00" in value else value


def _drop_nul_characters(engine: Engine) -> None:
    """PostgreSQL cannot store U+0000 in text and fails the whole statement: a NUL typed into a form, a
    search or an imported table would turn into a 500. It carries no meaning, so it is dropped here,
    once for every way text reaches the database."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if isinstance(parameters, dict):
            parameters = {key: _without_nul(value) for key, value in parameters.items()}
        elif isinstance(parameters, list | tuple) and parameters and isinstance(parameters[0], dict):
            parameters = [{key: _without_nul(value) for key, value in row.items()} for row in parameters]
        elif isinstance(parameters, list | tuple):
            parameters = type(parameters)(_without_nul(value) for value in parameters)
        return statement, parameters


def _make_sqlite_transactions_immediate(engine: Engine) -> None:
    """Every transaction starts with BEGIN IMMEDIATE.

    A deferred transaction that reads and then writes fails with SQLITE_BUSY when another writer
    committed in between, whatever the busy timeout; taking the write lock up front avoids that.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def open_session(engine: Engine) -> Session:
    # Objects stay readable after commit: pages render what the service just saved.
    return Session(engine, expire_on_commit=False)


def session_scope(engine: Engine) -> Iterator[Session]:
    with open_session(engine) as session:
        yield session


_IN_UNIT_OF_WORK = "jobboard_unit_of_work"


@contextmanager
def unit_of_work(session: Session) -> Iterator[Session]:
    """One service write: committed when the block ends, rolled back on any error, so a form that fails
    re-renders from what the person typed and nothing half-written stays behind. A unit begun inside
    another (one service calling another) joins it: the outermost one commits."""
    if session.info.get(_IN_UNIT_OF_WORK):
        yield session
        return
    session.info[_IN_UNIT_OF_WORK] = True
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info[_IN_UNIT_OF_WORK] = False


def saved_id(value: int | None) -> int:
    """The id of a row that was read from the database or flushed to it (models type ids Optional
    because a new row has none until then)."""
    if value is None:
        raise ValueError("the row has no id: it was never flushed")
    return value
