"""One writer process for the concurrency test: registers job seekers through the account service, as a
web worker would (each registration reads, then writes), and reports errors instead of raising."""

from __future__ import annotations

import traceback
from typing import Any


def register_seekers(database_url: str, worker: int, count: int, start: Any, out: Any) -> None:
    errors: list[str] = []
    try:
        from argon2 import PasswordHasher
        from sqlalchemy.exc import OperationalError

        import jobboard.models  # noqa: F401  (every table)
        from jobboard.accounts import services
        from jobboard.accounts.services import AccountService, SeekerSignup
        from jobboard.core.db import create_db_engine, open_session

        services._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # as tests/conftest
        engine = create_db_engine(database_url)
        start.wait(timeout=120)  # every process starts writing at the same moment
        for number in range(count):
            email = f"w{worker}-{number}@example.cn"
            signup = SeekerSignup(email=email, password="concurrent-2026", full_name="测试")
            try:
                with open_session(engine) as session:
                    AccountService(session).register_seeker(signup)
            except OperationalError as error:
                errors.append(str(error.orig))
        engine.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    out.put((worker, errors))
