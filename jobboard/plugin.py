"""The board as one Litestar plugin: every config, the lifespan, and the typed state handlers are given.

``BoardPlugin(settings)`` builds what a worker process holds (``BoardState``: the database engine, the
search index, the kept page parts, ...) and hands it to handlers by name through dependency providers
(``db_session``, ``settings``, ``search``, ``page_parts``, ``search_tally``), never through an untyped
``app.state``. The lifespan starts the background threads (index follower, mail sender, digests, search
counts) and stops them, then closes the engine and the stores.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol

from litestar import Litestar
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.config.app import AppConfig
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.plugins import InitPluginProtocol
from litestar.static_files import create_static_files_router
from litestar.stores.base import Store
from sqlalchemy import Engine
from sqlmodel import Session

from jobboard.accounts.middleware import CurrentUserMiddleware, RecentUsers
from jobboard.accounts.recovery_controllers import EXCEPTION_HANDLERS as ACCOUNT_PAGES
from jobboard.accounts.sessions import CSRF_COOKIE, SESSION_COOKIE, RenewableSessionConfig, cookie_name
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.files import keep_files_private
from jobboard.core.logging import configure_logging
from jobboard.core.settings import Settings
from jobboard.jobs.discovery import job_posting_ld
from jobboard.mail.sender import MailSender
from jobboard.notifications.controllers import unread_counter
from jobboard.notifications.digest import DigestLoop
from jobboard.search.index.follower import IndexFollower
from jobboard.search.index.readiness import readiness
from jobboard.search.query.job_search import JobSearch
from jobboard.search.stats import SearchTally, SearchTallyFlusher
from jobboard.web.api_docs import SWAGGER_UI_FILES, SWAGGER_UI_PATH, SwaggerPage
from jobboard.web.dependencies import SETTINGS_KEY
from jobboard.web.errors import EXCEPTION_HANDLERS
from jobboard.web.fragments import PageParts
from jobboard.web.ids import IdRangeMiddleware
from jobboard.web.locale import LocaleMiddleware
from jobboard.web.ops import OPS_HANDLERS, Readiness
from jobboard.web.ratelimit import RATE_LIMITER_KEY, RateLimiter
from jobboard.web.request_log import RequestLogMiddleware, stamp_response
from jobboard.web.security import apply_security_headers
from jobboard.web.stores import CountingStore, rate_limit_store, session_store
from jobboard.web.templates import create_template_config
from jobboard.web.threads import widen_handler_threads

STATIC_DIR = Path(__file__).resolve().parent / "static"
PROBES = ["^/healthz$", "^/readyz$"]  # the operators' probes: no session, no cookie, any Host header
# Mail programs post a mail's one-click stop link with no cookie (RFC 8058): its token is the proof.
MAIL_STOP_LINKS = "^/unsubscribe/"
REQUEST_MAX_BODY_SIZE = 1_000_000  # ordinary forms; uploads raise it on their own routes
SESSION_DAYS = 7
# What the domains add to every page's templates (``web/templates.py`` imports none of them).
TEMPLATE_GLOBALS = {"job_posting_ld": job_posting_ld}


class Worker(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


@dataclass
class BoardState:
    """What one worker process of the board holds; built once per app, shared by every request."""

    settings: Settings
    engine: Engine
    search: JobSearch
    follower: IndexFollower
    mail_sender: MailSender
    digests: DigestLoop
    search_tally: SearchTally
    search_tally_flusher: SearchTallyFlusher
    rate_limiter: RateLimiter
    rate_limits: CountingStore
    sessions: Store  # files by default, Redis when configured
    recent_users: RecentUsers  # accounts read in the last seconds
    page_parts: PageParts = field(default_factory=PageParts)  # rendered parts of public pages

    @classmethod
    def open(cls, settings: Settings) -> BoardState:
        engine = create_db_engine(settings.database_url)  # lazy: no connection until the first request
        tally = SearchTally()  # counted in memory, written every few seconds, not a transaction a search
        rate_limits = rate_limit_store(settings)
        return cls(
            settings=settings,
            engine=engine,
            search=JobSearch(settings, engine),
            follower=IndexFollower(settings, engine),
            mail_sender=MailSender(settings, engine),
            digests=DigestLoop(settings, engine),
            search_tally=tally,
            search_tally_flusher=SearchTallyFlusher(tally, engine),
            rate_limiter=RateLimiter(rate_limits, settings),
            rate_limits=rate_limits,
            sessions=session_store(settings),
            recent_users=RecentUsers(engine),
        )


@contextmanager
def running(worker: Worker) -> Iterator[Worker]:
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()


class BoardPlugin(InitPluginProtocol):
    def __init__(self, settings: Settings) -> None:
        keep_files_private()
        configure_logging(settings.log_format)
        self.settings = settings
        self.state = BoardState.open(settings)

    @staticmethod
    def state_of(app: Litestar) -> BoardState:
        """The board's state of a running app (for commands and tests; handlers get it injected)."""
        return app.plugins.get(BoardPlugin).state

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        settings = self.settings
        app_config.route_handlers = [
            *app_config.route_handlers,
            *OPS_HANDLERS,
            create_static_files_router(path="/static", directories=[STATIC_DIR]),
            create_static_files_router(
                path=SWAGGER_UI_PATH, directories=[SWAGGER_UI_FILES], name="swagger_ui"
            ),
        ]
        app_config.dependencies.update(self._dependencies())
        app_config.exception_handlers.update(EXCEPTION_HANDLERS)  # type: ignore[arg-type]
        app_config.exception_handlers.update(ACCOUNT_PAGES)  # type: ignore[arg-type]
        app_config.middleware = [
            RequestLogMiddleware(),  # outermost: a routed request has its id before anything runs
            LocaleMiddleware(),
            IdRangeMiddleware(),
            self._session_config().middleware,
            DefineMiddleware(
                CurrentUserMiddleware, recent_users=self.state.recent_users, exclude=["^/static/", *PROBES]
            ),
            *app_config.middleware,
        ]
        # Every response, unknown URLs too: its request id and access line, and the header policy.
        app_config.before_send.extend([stamp_response, apply_security_headers])
        app_config.csrf_config = CSRFConfig(
            secret=settings.secret_key,
            cookie_name=cookie_name(CSRF_COOKIE, settings),
            cookie_secure=settings.uses_https,
            cookie_httponly=True,
            cookie_samesite="lax",
            exclude=[*PROBES, MAIL_STOP_LINKS],
        )
        app_config.template_config = create_template_config(
            auto_reload=settings.debug,
            extra_globals={**TEMPLATE_GLOBALS, "unread_notifications": unread_counter(self.state.engine)},
        )
        app_config.stores = {"sessions": self.state.sessions, "rate_limits": self.state.rate_limits}
        app_config.allowed_hosts = AllowedHostsConfig(
            allowed_hosts=settings.host_names, exclude=PROBES, www_redirect=False
        )
        app_config.openapi_config = OpenAPIConfig(
            title="光博会人才招聘会 Job Board API",
            version="1.0.0",
            path="/api/docs",
            render_plugins=[SwaggerPage()],
        )
        app_config.lifespan = [*app_config.lifespan, self.lifespan]
        app_config.state = State({SETTINGS_KEY: settings, RATE_LIMITER_KEY: self.state.rate_limiter})
        app_config.debug = settings.debug
        app_config.logging_config = (
            None  # configure_logging() owns the handlers: Litestar's would replace them
        )
        return app_config

    def _session_config(self) -> RenewableSessionConfig:
        return RenewableSessionConfig(
            key=cookie_name(SESSION_COOKIE, self.settings),
            store="sessions",
            max_age=SESSION_DAYS * 24 * 3600,
            renew_on_access=True,
            secure=self.settings.uses_https,
            httponly=True,
            samesite="lax",
            exclude=PROBES,
        )

    def _dependencies(self) -> dict[str, Provide]:
        board = self.state

        def provide_db_session() -> Iterator[Session]:
            """One session per request; services commit their own units of work."""
            with open_session(board.engine) as session:
                yield session

        def provide_engine() -> Engine:
            return board.engine

        def provide_settings() -> Settings:
            return board.settings

        def provide_search() -> JobSearch:
            return board.search

        def provide_page_parts() -> PageParts:
            return board.page_parts

        def provide_search_tally() -> SearchTally:
            return board.search_tally

        def provide_recent_users() -> RecentUsers:
            return board.recent_users

        def provide_readiness() -> Callable[[], Readiness]:
            return partial(readiness, board.engine, board.settings)

        return {
            "db_session": Provide(provide_db_session),
            "engine": Provide(provide_engine, sync_to_thread=False),
            "settings": Provide(provide_settings, sync_to_thread=False),
            "search": Provide(provide_search, sync_to_thread=False),
            "page_parts": Provide(provide_page_parts, sync_to_thread=False),
            "search_tally": Provide(provide_search_tally, sync_to_thread=False),
            "readiness": Provide(provide_readiness, sync_to_thread=False),
            "recent_users": Provide(provide_recent_users, sync_to_thread=False),
        }

    @asynccontextmanager
    async def lifespan(self, _: Litestar) -> AsyncIterator[None]:
        board = self.state
        widen_handler_threads()
        try:
            with ExitStack() as workers:
                workers.enter_context(running(board.follower))
                workers.enter_context(running(board.mail_sender))
                workers.enter_context(running(board.digests))
                # Stopped first: it writes the last counts while the engine is still open.
                workers.enter_context(running(board.search_tally_flusher))
                yield
        finally:
            board.engine.dispose()
            await board.rate_limits.close()
            if isinstance(board.sessions, CountingStore):
                await board.sessions.close()
