"""Shared fixtures: every test gets its own database, index folder and upload folder.

The database is SQLite unless ``JOBBOARD_TEST_DATABASE_URL`` names a PostgreSQL server, and sessions and
rate limits use Redis when ``JOBBOARD_TEST_REDIS_URL`` is set (see ``tests/databases.py``).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobboard.core.settings import Settings
from tests.databases import TEST_REDIS_URL, TestDatabases, delete_redis_namespace

REPO_ROOT = Path(__file__).resolve().parents[1]
pytest_plugins = ["tests.mail.smtp"]  # smtp_inbox, mail_settings: a real SMTP server on loopback
RELEVANCE_CORPUS = REPO_ROOT.parent / "shared" / "data" / "relevance" / "jobs.jsonl"


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """argon2id at its smallest cost in this process: hashing at the production cost (64 MiB, 3 passes)
    took a quarter of the suite's time. Servers the tests start keep the real cost."""
    from argon2 import PasswordHasher

    from jobboard.accounts import services

    real = services._hasher, services._DUMMY_HASH
    services._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    services._DUMMY_HASH = services._hasher.hash("not a real password")
    yield
    services._hasher, services._DUMMY_HASH = real


@pytest.fixture(scope="session")
def test_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestDatabases]:
    """The schema built once through the real Alembic migrations, copied for each test."""
    databases = TestDatabases(tmp_path_factory.mktemp("schema"))
    yield databases
    databases.close()


@pytest.fixture
def database_url(tmp_path: Path, test_databases: TestDatabases) -> Iterator[str]:
    """A fresh database at the head revision, for this test only."""
    url = test_databases.create(tmp_path)
    yield url
    test_databases.drop(url)


@pytest.fixture(scope="session")
def redis_namespaces() -> Iterator[list[str]]:
    """Every test's Redis namespace, deleted once more at the end (a board may write after its test)."""
    namespaces: list[str] = []
    yield namespaces
    if TEST_REDIS_URL:
        for namespace in namespaces:
            delete_redis_namespace(TEST_REDIS_URL, namespace)


@pytest.fixture
def redis_namespace(redis_namespaces: list[str]) -> Iterator[str]:
    namespace = f"jbtest-{secrets.token_hex(6)}"
    redis_namespaces.append(namespace)
    yield namespace
    if TEST_REDIS_URL:
        delete_redis_namespace(TEST_REDIS_URL, namespace)


@pytest.fixture
def settings(tmp_path: Path, database_url: str, redis_namespace: str) -> Settings:
    return Settings(
        database_url=database_url,
        index_dir=tmp_path / "index",
        upload_dir=tmp_path / "uploads",
        secret_key="test-secret-key-for-csrf-and-sessions-0123456789",
        base_url="http://testserver.local",
        redis_url=TEST_REDIS_URL,
        redis_namespace=redis_namespace,
    )


@pytest.fixture
def engine(settings: Settings) -> Iterator[object]:
    from jobboard.core.db import create_db_engine

    engine = create_db_engine(settings.database_url)
    yield engine
    engine.dispose()
