"""Puts the signed-in user (or ``None``) on every connection, from the server-side session."""

from __future__ import annotations

import threading
from typing import Any

from cachetools import TTLCache
from litestar.concurrency import sync_to_thread
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.types import ASGIApp
from sqlalchemy import Engine

from jobboard.accounts.models import User
from jobboard.accounts.services import AccountService
from jobboard.core.db import open_session

SESSION_USER_KEY = "user_id"
# The account's session generation when this session signed in: a password change or reset raises the
# account's, and every session of an older generation is signed out at its next request.
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

    def forget(self, user_id: int) -> None:
        """After a change this process made to the account (its password): read it afresh. Other
        processes read it again within ``fresh_seconds``."""
        with self._lock:
            self._users.pop(user_id, None)


KnownUsers = NamedDependency[RecentUsers]  # handlers that change an account forget it (``recent_users``)


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
        scope_session = connection.scope.get("session")
        session: dict[str, Any] = scope_session if isinstance(scope_session, dict) else {}
        user_id = session.get(SESSION_USER_KEY)
        user = None
        if isinstance(user_id, int):
            recent = self.recent_users
            known, user = recent.get(user_id)
            if not known:
                user = await sync_to_thread(_load_user, recent.engine, user_id)
                recent.put(user_id, user)
            if user is not None and session.get(SESSION_GENERATION_KEY, 0) != user.session_generation:
                session.clear()  # signed in before the password changed: this session is over
                user = None
        return AuthenticationResult(user=user, auth=None)
