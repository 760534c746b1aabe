"""``python -m tests.services POSTGRES_URL REDIS_URL``: exit 0 when both answer, else say which does not.

``make test`` runs the PostgreSQL + Redis pass only when they answer (CI starts them in ``.ci/run``).
"""

from __future__ import annotations

import sys


def unreachable(postgres_url: str, redis_url: str) -> list[str]:
    problems: list[str] = []
    try:
        import psycopg

        psycopg.connect(postgres_url, connect_timeout=3).close()
    except Exception as error:
        problems.append(f"PostgreSQL at {postgres_url}: {type(error).__name__}: {str(error).strip()[:200]}")
    try:
        import redis

        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except Exception as error:
        problems.append(f"Redis at {redis_url}: {type(error).__name__}: {error}")
    return problems


if __name__ == "__main__":
    found = unreachable(sys.argv[1], sys.argv[2])
    for problem in found:
        print(problem, file=sys.stderr)
    sys.exit(1 if found else 0)
