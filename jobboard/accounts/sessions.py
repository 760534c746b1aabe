"""Server-side sessions whose id is replaced at login and logout (no session fixation).

Only what changed is written: a visitor who never signs in gets no session (no cookie, nothing in the
store), and a session read unchanged is not written back; reading it renews its lifetime in the store
(``renew_on_access``). Litestar's own backend writes the session and its cookie on every response.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import ServerSideSessionBackend, ServerSideSessionConfig
from litestar.types import Empty, Message, ScopeSession

from jobboard.core.settings import Settings
from jobboard.web.dependencies import settings_of

SESSION_COOKIE = "session"
CSRF_COOKIE = "csrftoken"
# Over HTTPS the cookies are named __Host-…: browsers then insist on Secure, Path=/ and no Domain, so that
# neither a sibling subdomain nor a plain-HTTP page can plant or overwrite them.
SECURE_PREFIX = "__Host-"
_RENEWED_ID = "jobboard.renewed_session_id"
_STALE_ID = "jobboard.stale_session_id"
_LOADED = "jobboard.loaded_session"  # the session's bytes as read from the store


class RenewableSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection[Any, Any, Any, Any]) -> str:
        return connection.scope["state"].get(_RENEWED_ID) or super().get_session_id(connection)

    async def load_from_connection(self, connection: ASGIConnection[Any, Any, Any, Any]) -> dict[str, Any]:
        if session_id := connection.cookies.get(self.config.key):
            data = await self.get(session_id, store=self.config.get_store_from_app(connection.scope["app"]))
            if data is not None:
                connection.scope["state"][_LOADED] = data
                return self.deserialize_data(data)
        return {}

    async def store_in_message(
        self, scope_session: ScopeSession, message: Message, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> None:
        state = connection.scope["state"]
        stale_id = state.pop(_STALE_ID, None)
        if stale_id:
            await self.delete(stale_id, store=self.config.get_store_from_app(connection.scope["app"]))
        loaded = state.get(_LOADED)
        if scope_session is Empty or not scope_session:  # signed out, or never signed in
            if loaded is not None or _RENEWED_ID in state:
                await super().store_in_message(Empty, message, connection)  # delete it, expire the cookie
            return
        if _RENEWED_ID not in state and self.serialize_data(scope_session, connection.scope) == loaded:
            return
        await super().store_in_message(scope_session, message, connection)


def cookie_name(base: str, settings: Settings) -> str:
    return f"{SECURE_PREFIX}{base}" if settings.uses_https else base


class RenewableSessionConfig(ServerSideSessionConfig):
    _backend_class = RenewableSessionBackend


def renew_session_id(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """The next response carries a fresh session id; the old one is deleted from the store."""
    state = connection.scope["state"]
    settings = settings_of(connection.scope)
    old_id = connection.cookies.get(cookie_name(SESSION_COOKIE, settings)) if settings else None
    if old_id and old_id != "null":
        state[_STALE_ID] = old_id
    state[_RENEWED_ID] = secrets.token_hex(32)
