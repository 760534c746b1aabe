"""Server-side sessions whose id is replaced at login and logout (no session fixation)."""

from __future__ import annotations

import secrets
from typing import Any

from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import ServerSideSessionBackend, ServerSideSessionConfig
from litestar.types import Message, ScopeSession

from jobboard.core.settings import Settings

SESSION_COOKIE = "session"
CSRF_COOKIE = "csrftoken"
# Over HTTPS the cookies are named __Host-…: browsers then insist on Secure, Path=/ and no Domain, so that
# neither a sibling subdomain nor a plain-HTTP page can plant or overwrite them.
SECURE_PREFIX = "__Host-"
_RENEWED_ID = "jobboard.renewed_session_id"
_STALE_ID = "jobboard.stale_session_id"


class RenewableSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection[Any, Any, Any, Any]) -> str:
        return connection.scope["state"].get(_RENEWED_ID) or super().get_session_id(connection)

    async def store_in_message(
        self, scope_session: ScopeSession, message: Message, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> None:
        stale_id = connection.scope["state"].pop(_STALE_ID, None)
        if stale_id:
            await self.delete(stale_id, store=self.config.get_store_from_app(connection.scope["app"]))
        await super().store_in_message(scope_session, message, connection)


def cookie_name(base: str, settings: Settings) -> str:
    return f"{SECURE_PREFIX}{base}" if settings.uses_https else base


class RenewableSessionConfig(ServerSideSessionConfig):
    _backend_class = RenewableSessionBackend  # type: ignore[assignment]


def renew_session_id(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """The next response carries a fresh session id; the old one is deleted from the store."""
    state = connection.scope["state"]
    old_id = connection.cookies.get(cookie_name(SESSION_COOKIE, connection.app.state.settings))
    if old_id and old_id != "null":
        state[_STALE_ID] = old_id
    state[_RENEWED_ID] = secrets.token_hex(32)
