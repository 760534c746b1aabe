"""Puts the signed-in user (or ``None``) on every connection, from the server-side session."""

from __future__ import annotations

from typing import Any

import anyio
from litestar.connection import ASGIConnection
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from sqlalchemy import Engine

from jobboard.accounts.models import User
from jobboard.accounts.services import AccountService
from jobboard.core.db import open_session

SESSION_USER_KEY = "user_id"


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
            user = await anyio.to_thread.run_sync(_load_user, connection.app.state.engine, user_id)
        return AuthenticationResult(user=user, auth=None)
