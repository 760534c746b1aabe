"""Puts the signed-in user (or ``None``) on every connection, from the server-side session."""

from __future__ import annotations

import threading
import time
from typing import Any

from litestar.concurrency import sync_to_thread
from litestar.connection import ASGIConnection
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from sqlalchemy import Engine

from jobboard.accounts.models import User
from jobboard.accounts.services import AccountService
from jobboard.core.db import open_session

SESSION_USER_KEY = "user_id"
# A signed-in visitor sends many requests a minute; the account row is read again after this many seconds.
# Signing out takes effect at once (the session is gone); a change to the account row itself within this
# time. Handlers only read ``request.user``: the instance is shared by the requests of those seconds.
USER_FRESH_SECONDS = 5.0
_MAX_CACHED_USERS = 10_000


class RecentUsers:
    """Accounts read in the last few seconds, by id, in this process."""

    def __init__(self, fresh_seconds: float = USER_FRESH_SECONDS) -> None:
        self.fresh_seconds = fresh_seconds
        self._users: dict[int, tuple[float, User | None]] = {}
        self._lock = threading.Lock()

    def get(self, user_id: int) -> tuple[bool, User | None]:
        entry = self._users.get(user_id)
        if entry is None or entry[0] <= time.monotonic():
            return False, None
        return True, entry[1]

    def put(self, user_id: int, user: User | None) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._users) >= _MAX_CACHED_USERS:
                self._users = {key: entry for key, entry in self._users.items() if entry[0] > now}
            self._users[user_id] = (now + self.fresh_seconds, user)


def _load_user(engine: Engine, user_id: int) -> User | None:
    with open_session(engine) as session:
        return AccountService(session).get(user_id)


class CurrentUserMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        user_id = connection.scope.get("session", {}).get(SESSION_USER_KEY)
        user = None
        if isinstance(user_id, int):
            recent: RecentUsers = connection.app.state.recent_users
            known, user = recent.get(user_id)
            if not known:
                user = await sync_to_thread(_load_user, connection.app.state.engine, user_id)
                recent.put(user_id, user)
        return AuthenticationResult(user=user, auth=None)
