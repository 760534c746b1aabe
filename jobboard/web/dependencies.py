"""What handlers may ask for by name, and the settings every part of the web layer may read.

The providers live with the board's state in ``jobboard/plugin.py``; here are the names and types a
handler declares: ``db_session: DbSession``, ``settings: BoardSettings`` (``page_parts: KeptParts`` is in
``web/fragments.py``, beside what it names).
"""

from __future__ import annotations

from typing import Any

from litestar.connection import Request
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.types import Scope
from sqlalchemy import Engine
from sqlmodel import Session

from jobboard.core.settings import Settings

SETTINGS_KEY = "settings"  # in the app's state, for middleware and templates, which get no injection

AnyRequest = Request[Any, Any, State]  # web/ knows no user type; controllers use accounts.guards' requests
DbSession = NamedDependency[Session]
DbEngine = NamedDependency[Engine]  # for work that outlives the request's session (streamed exports)
BoardSettings = NamedDependency[Settings]


def settings_of(scope: Scope | Any) -> Settings | None:
    """The board's settings from an ASGI scope (middleware, templates); ``None`` outside the board."""
    state: State | None = getattr(scope["app"], "state", None) if "app" in scope else None
    return state.get(SETTINGS_KEY) if state is not None else None
