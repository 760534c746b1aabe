"""``python -m tests.services POSTGRES_URL REDIS_URL``: exit 0 when both answer, else say which does not.

``make test`` runs the PostgreSQL + Redis pass only when they answer (CI starts them in ``.ci/run``).
"""

from __future__ import annotations

import sys

from tests.databases import postgres_unreachable, redis_unreachable


def unreachable(postgres_url: str, redis_url: str) -> list[str]:
    problems = (postgres_unreachable(postgres_url), redis_unreachable(redis_url))
    return [problem for problem in problems if problem]


if __name__ == "__main__":
    found = unreachable(sys.argv[1], sys.argv[2])
    for problem in found:
        print(problem, file=sys.stderr)
    sys.exit(1 if found else 0)
