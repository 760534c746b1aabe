"""What the app opens at start and closes at stop: the database engine, the search index, search counts."""

from __future__ import annotations

from litestar import Litestar
from litestar.datastructures import State

from jobboard.accounts.middleware import RecentUsers
from jobboard.core.db import create_db_engine
from jobboard.core.settings import Settings
from jobboard.search.index.follower import IndexFollower
from jobboard.search.query.job_search import JobSearch
from jobboard.search.stats import SearchTally, SearchTallyFlusher
from jobboard.web.fragments import PageParts
from jobboard.web.threads import widen_handler_threads


class BoardLifecycle:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Per process: accounts read in the last seconds, and parts of public pages as rendered.
        self.state = State({"settings": settings, "recent_users": RecentUsers(), "page_parts": PageParts()})

    def start(self, app: Litestar) -> None:
        state = app.state
        widen_handler_threads()
        state.engine = create_db_engine(self.settings.database_url)
        state.follower = IndexFollower(self.settings, state.engine)
        state.follower.start()
        state.search = JobSearch(self.settings, state.engine)
        # Searches are counted in memory and written every few seconds, not one transaction a search.
        state.search_tally = SearchTally()
        state.search_tally_flusher = SearchTallyFlusher(state.search_tally, state.engine)
        state.search_tally_flusher.start()

    def stop(self, app: Litestar) -> None:
        app.state.search_tally_flusher.stop()  # the last counts, while the engine is still open
        app.state.follower.stop()
        app.state.engine.dispose()
