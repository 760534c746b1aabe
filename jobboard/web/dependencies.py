"""Dependencies every handler may ask for by name."""

from __future__ import annotations

from collections.abc import Iterator

from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from sqlmodel import Session

from jobboard.core.db import open_session
from jobboard.core.settings import Settings


def provide_db_session(state: State) -> Iterator[Session]:
    """One session per request; services commit their own units of work."""
    with open_session(state.engine) as session:
        yield session


def provide_settings(state: State) -> Settings:
    return state.settings


DEPENDENCIES = {
    "db_session": Provide(provide_db_session),
    "settings": Provide(provide_settings, sync_to_thread=False),
}

# Handlers ask for these by name: `db_session: DbSession`, `settings: BoardSettings`.
DbSession = NamedDependency[Session]
BoardSettings = NamedDependency[Settings]
