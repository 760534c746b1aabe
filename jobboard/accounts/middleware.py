"""Puts the signed-in user (or ``None``) on every connection, from the server-side session."""

from __future__ import annotations

import threading
from typing import Any

from cachetools import TTLCache
from litestar.concurrency import sync_to_thread
from litestar.connection import ASGIConnection
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.types import ASGIApp
from sqlalchemy import Engine

from jobboard.accounts.models import User
from jobboard.accounts.services import AccountService
from jobboard.core.db import open_session

SESSION_USER_KEY = "user_id"
# The account's ``session_generation`` when this session signed in: raising it (a new password, leaving a
# firm) ends every session signed in before.
SESSION_GENERATION_KEY = "generation"
# A signed-in visitor sends many requests a minute; the account row is read again after this many seconds.
# Signing out takes effect at once (the session is gone); a change to the account row itself within this
# time. Handlers only read ``request.user``: the instance is shared by the requests of those seconds.
USER_FRESH_SECONDS = 5.0
_MAX_CACHED_USERS = 10_000


class RecentUsers:
    """Accounts read in the last few seconds, by id, in this process (``None``: no such account)."""

    def __init__(self, engine: Engine, fresh_seconds: float = USER_FRESH_SECONDS) -> None:
        self.engine = engine
        self._users: TTLCache[int, User | None] = TTLCache(maxsize=_MAX_CACHED_USERS, ttl=fresh_seconds)
        self._lock = threading.Lock()

    def get(self, user_id: int) -> tuple[bool, User | None]:
        with self._lock:
            if user_id not in self._users:
                return False, None
            return True, self._users[user_id]

    def put(self, user_id: int, user: User | None) -> None:
        with self._lock:
            self._users[user_id] = user


def _load_user(engine: Engine, user_id: int) -> User | None:
    with open_session(engine) as session:
        return AccountService(session).get(user_id)


class CurrentUserMiddleware(AbstractAuthenticationMiddleware):
    def __init__(self, app: ASGIApp, recent_users: RecentUsers, **options: Any) -> None:
        super().__init__(app, **options)
        self.recent_users = recent_users

    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        session = connection.scope.get("session")
        if not isinstance(session, dict):
            return AuthenticationResult(user=None, auth=None)
        user_id = session.get(SESSION_USER_KEY)
        user = None
        if isinstance(user_id, int):
            recent = self.recent_users
            known, user = recent.get(user_id)
            if not known:
                user = await sync_to_thread(_load_user, recent.engine, user_id)
                recent.put(user_id, user)
            if user is not None and session.get(SESSION_GENERATION_KEY, 0) != user.session_generation:
                user = None
        return AuthenticationResult(user=user, auth=None)
