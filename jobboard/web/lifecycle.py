"""What the app opens at start and closes at stop: the database engine and the search index."""

from __future__ import annotations

from litestar import Litestar
from litestar.datastructures import State

from jobboard.core.db import create_db_engine
from jobboard.core.settings import Settings
from jobboard.search.follower import IndexFollower
from jobboard.search.services import JobSearch
from jobboard.web.threads import widen_handler_threads


class BoardLifecycle:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.state = State({"settings": settings})

    def start(self, app: Litestar) -> None:
        state = app.state
        widen_handler_threads()
        state.engine = create_db_engine(self.settings.database_url)
        state.follower = IndexFollower(self.settings, state.engine)
        state.follower.start()
        state.search = JobSearch(self.settings, state.engine)

    def stop(self, app: Litestar) -> None:
        app.state.follower.stop()
        app.state.engine.dispose()
