"""The application factory: reading ``create_app`` tells you everything the board does."""

from __future__ import annotations

from pathlib import Path

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.static_files import create_static_files_router
from litestar.stores.base import Store
from litestar.stores.file import FileStore
from litestar.stores.redis import RedisStore

from jobboard.accounts.middleware import CurrentUserMiddleware
from jobboard.accounts.sessions import SESSION_COOKIE, RenewableSessionConfig
from jobboard.core.settings import Settings, get_settings
from jobboard.routes import ROUTE_HANDLERS
from jobboard.web.dependencies import DEPENDENCIES
from jobboard.web.errors import EXCEPTION_HANDLERS
from jobboard.web.lifecycle import BoardLifecycle
from jobboard.web.locale import LocaleMiddleware
from jobboard.web.templates import create_template_config

STATIC_DIR = Path(__file__).resolve().parent / "static"
ONE_MEGABYTE = 1_000_000


def _session_store(settings: Settings) -> Store:
    if settings.redis_url:
        return RedisStore.with_client(url=settings.redis_url, namespace="jobboard-sessions")
    return FileStore(settings.upload_dir.parent / "sessions")


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    lifecycle = BoardLifecycle(settings)
    session_config = RenewableSessionConfig(
        key=SESSION_COOKIE,
        store="sessions",
        max_age=7 * 24 * 3600,
        secure=settings.uses_https,
        httponly=True,
        samesite="lax",
    )
    return Litestar(
        route_handlers=[
            *ROUTE_HANDLERS,
            create_static_files_router(path="/static", directories=[STATIC_DIR]),
        ],
        dependencies=DEPENDENCIES,
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        middleware=[
            LocaleMiddleware(),
            session_config.middleware,
            DefineMiddleware(CurrentUserMiddleware, exclude=["^/static/"]),
        ],
        csrf_config=CSRFConfig(
            secret=settings.secret_key,
            cookie_secure=settings.uses_https,
            cookie_httponly=True,
            cookie_samesite="lax",
        ),
        template_config=create_template_config(),
        stores={"sessions": _session_store(settings)},
        openapi_config=OpenAPIConfig(
            title="光博会人才招聘会 Job Board API",
            version="1.0.0",
            path="/api/docs",
            render_plugins=[ScalarRenderPlugin()],
        ),
        on_startup=[lifecycle.start],
        on_shutdown=[lifecycle.stop],
        request_max_body_size=ONE_MEGABYTE,
        state=lifecycle.state,
        debug=settings.debug,
    )
