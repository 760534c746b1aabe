"""Fresh, migrated databases for tests, on SQLite or on PostgreSQL.

``JOBBOARD_TEST_DATABASE_URL`` chooses: unset or ``sqlite…``, every test gets a copy of a SQLite file
migrated once; ``postgresql://…`` (the server's own database, e.g. ``postgresql://postgres@127.0.0.1/test``),
a template database is migrated once per session with Alembic and every test gets
``CREATE DATABASE t_<random> TEMPLATE <template>``, dropped after the test (``WITH (FORCE)``, so that no
connection a test forgot can keep it alive). ``JOBBOARD_TEST_REDIS_URL`` adds Redis: every test gets its own
key namespace, deleted after the test.
"""

from __future__ import annotations

import os
import queue
import re
import secrets
import shutil
import threading
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from jobboard.migrations.runner import upgrade

TEST_DATABASE_URL = os.environ.get("JOBBOARD_TEST_DATABASE_URL", "").strip()
TEST_REDIS_URL = os.environ.get("JOBBOARD_TEST_REDIS_URL", "").strip() or None


_TEST_DATABASE = re.compile(r"(?:t|e|jb_template)_(\d+)_[0-9a-f]{10}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def on_postgres() -> bool:
    return TEST_DATABASE_URL.startswith("postgresql")


def libpq_url(url: URL | str, *, keep_options: bool = True) -> str:
    """A libpq connection string (psycopg's own), whatever driver the SQLAlchemy URL names."""
    url = make_url(url).set(drivername="postgresql")
    return (url if keep_options else url.set(query={})).render_as_string(hide_password=False)


def postgres_unreachable(url: str) -> str | None:
    """Why PostgreSQL cannot be used at ``url``, or None when it answers."""
    import psycopg

    try:
        with psycopg.connect(libpq_url(url), connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return f"PostgreSQL is unreachable at {make_url(url).host}:{make_url(url).port}: {error}".strip()
    return None


def redis_unreachable(url: str) -> str | None:
    """Why Redis cannot be used at ``url``, or None when it answers."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        return f"Redis at {url}: {type(error).__name__}: {error}"
    finally:
        client.close()
    return None


class TestDatabases:
    """Makes and drops the tests' databases. One per pytest session (see ``tests/conftest.py``)."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, folder: Path, server_url: str = TEST_DATABASE_URL) -> None:
        self.folder = folder
        self.postgres = server_url.startswith("postgresql")
        self.server = make_url(server_url) if self.postgres else None
        self._template: str | None = None
        self._made: set[str] = set()
        self._to_drop: queue.Queue[str | None] = queue.Queue()
        self._dropper: threading.Thread | None = None

    # SQLite: one migrated file, copied

    def _sqlite_template(self) -> Path:
        path = self.folder / "template.sqlite3"
        if self._template is None:
            upgrade("head", database_url=f"sqlite:///{path}")
            self._template = str(path)
        return path

    # PostgreSQL: one migrated template database, cloned

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        assert self.server is not None
        return psycopg.connect(libpq_url(self.server), autocommit=True)

    def url_of(self, name: str) -> str:
        """The tests' databases commit without waiting for the disk (``synchronous_commit=off``): a
        crash may lose their last commits, which nobody needs; it halves the time of write-heavy tests."""
        assert self.server is not None
        url = self.server.set(database=name)
        return libpq_url(url.update_query_dict({"options": "-c synchronous_commit=off"}))

    @staticmethod
    def _name(prefix: str) -> str:
        """Test databases carry the pid of the run that made them, so that a later run can tell leftovers
        of a killed run (its process is gone) from databases of a run still going on beside it."""
        return f"{prefix}_{os.getpid()}_{secrets.token_hex(5)}"

    def _sweep(self, admin) -> None:  # type: ignore[no-untyped-def]
        for (name,) in admin.execute("SELECT datname FROM pg_database").fetchall():
            match = _TEST_DATABASE.fullmatch(name)
            if match and not _alive(int(match.group(1))):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _postgres_template(self) -> str:
        if self._template is None:
            name = self._name("jb_template")
            with self._admin() as admin:
                self._sweep(admin)
                admin.execute(f'CREATE DATABASE "{name}"')
            self._template = name
            upgrade("head", database_url=self.url_of(name))
        return self._template

    def create_postgres(self, prefix: str = "t") -> str:
        """An empty database (no schema), dropped by ``drop`` or at the end of the session."""
        name = self._name(prefix)
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        self._made.add(name)
        return self.url_of(name)

    # Both

    def create(self, folder: Path) -> str:
        """A new database at the head revision; its URL."""
        if not self.postgres:
            database = folder / f"board-{secrets.token_hex(3)}.sqlite3"
            shutil.copy(self._sqlite_template(), database)
            return f"sqlite:///{database}"
        template = self._postgres_template()
        name = self._name("t")
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._made.add(name)
        return self.url_of(name)

    def create_empty(self, folder: Path) -> str:
        """A new database without any table (for the migrations' own tests)."""
        if not self.postgres:
            return f"sqlite:///{folder / f'empty-{secrets.token_hex(3)}.sqlite3'}"
        return self.create_postgres("e")

    def drop(self, url: str) -> None:
        """Drops the database in the background (a drop takes longer than a clone), connections and all."""
        if not self.postgres:
            return  # the file goes with the test's tmp_path
        name = make_url(url).database
        assert name in self._made, f"not a test database: {name}"
        if self._dropper is None:
            self._dropper = threading.Thread(target=self._drop_queued, name="drop-databases", daemon=True)
            self._dropper.start()
        self._to_drop.put(name)

    def _drop_queued(self) -> None:
        with self._admin() as admin:
            while (name := self._to_drop.get()) is not None:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                self._made.discard(name)

    def close(self) -> None:
        if not self.postgres:
            return
        if self._dropper is not None:
            self._to_drop.put(None)
            self._dropper.join()
            self._dropper = None
        with self._admin() as admin:
            for name in [*self._made, *([self._template] if self._template else [])]:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.clear()
        self._template = None


def delete_redis_namespace(url: str, namespace: str) -> None:
    """Every key a test's board wrote (sessions, rate-limit counters) under its namespace."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=f"{namespace}*", count=500))
        if keys:
            client.delete(*keys)
    finally:
        client.close()
