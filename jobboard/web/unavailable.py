"""When the database is away (restarting, unreachable, out of connections), pages and the API say 503.

A request that fails because the database cannot answer is the server's temporary condition, not a bug:
the visitor gets the translated "try again in a moment" page, or a problem JSON body, with
``Retry-After``; the log gets one warning line without a stack trace. The engine's ``pool_pre_ping`` and
the pool's invalidation on disconnect make the next requests open fresh connections by themselves.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

RETRY_AFTER_SECONDS = 5


def database_unavailable(error: BaseException) -> bool:
    """A lost or refused connection, a server shutting down or starting up, an exhausted pool."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def short_reason(error: BaseException) -> str:
    """The driver's error class only: messages may quote statements and, with them, personal data."""
    original = getattr(error, "orig", None)
    return type(original).__name__ if original is not None else type(error).__name__
