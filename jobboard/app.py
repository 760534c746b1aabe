"""The application factory: reading ``create_app`` tells you everything the board does."""

from __future__ import annotations

from pathlib import Path

from litestar import Litestar
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.config.csrf import CSRFConfig
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router
from swagger_ui_bundle import swagger_ui_path

from jobboard.accounts.middleware import CurrentUserMiddleware
from jobboard.accounts.sessions import CSRF_COOKIE, SESSION_COOKIE, RenewableSessionConfig, cookie_name
from jobboard.core.logging import configure_logging
from jobboard.core.settings import Settings, get_settings
from jobboard.routes import ROUTE_HANDLERS, TEMPLATE_GLOBALS
from jobboard.web.dependencies import DEPENDENCIES
from jobboard.web.errors import EXCEPTION_HANDLERS
from jobboard.web.lifecycle import BoardLifecycle
from jobboard.web.locale import LocaleMiddleware
from jobboard.web.ops import OPS_HANDLERS
from jobboard.web.ratelimit import RateLimiter
from jobboard.web.request_log import RequestLogMiddleware
from jobboard.web.stores import CountingStore, rate_limit_store, session_store
from jobboard.web.templates import create_template_config

STATIC_DIR = Path(__file__).resolve().parent / "static"
PROBES = ["^/healthz$", "^/readyz$"]  # the operators' probes: no session, no cookie, any Host header
ONE_MEGABYTE = 1_000_000
SWAGGER_UI_PATH = "/static/swagger-ui"


def api_docs_page() -> SwaggerRenderPlugin:
    """Swagger UI served from the installed ``swagger-ui-bundle``: the venue's network may not reach a CDN."""
    return SwaggerRenderPlugin(
        js_url=f"{SWAGGER_UI_PATH}/swagger-ui-bundle.js",
        css_url=f"{SWAGGER_UI_PATH}/swagger-ui.css",
        standalone_preset_js_url=f"{SWAGGER_UI_PATH}/swagger-ui-standalone-preset.js",
        favicon="",
    )


async def _close_stores(app: Litestar) -> None:
    for name in ("sessions", "rate_limits"):
        store = app.stores.get(name)
        if isinstance(store, CountingStore):
            await store.close()


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    configure_logging(settings.log_format)
    lifecycle = BoardLifecycle(settings)
    rate_limits = rate_limit_store(settings)
    lifecycle.state.rate_limiter = RateLimiter(rate_limits, settings)
    session_config = RenewableSessionConfig(
        key=cookie_name(SESSION_COOKIE, settings),
        store="sessions",
        max_age=7 * 24 * 3600,
        renew_on_access=True,
        secure=settings.uses_https,
        httponly=True,
        samesite="lax",
        exclude=PROBES,
    )
    app = Litestar(
        route_handlers=[
            *ROUTE_HANDLERS,
            *OPS_HANDLERS,
            create_static_files_router(path="/static", directories=[STATIC_DIR]),
            create_static_files_router(
                path=SWAGGER_UI_PATH, directories=[swagger_ui_path], name="swagger_ui"
            ),
        ],
        dependencies=DEPENDENCIES,
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        middleware=[
            LocaleMiddleware(),
            session_config.middleware,
            DefineMiddleware(CurrentUserMiddleware, exclude=["^/static/", *PROBES]),
        ],
        csrf_config=CSRFConfig(
            secret=settings.secret_key,
            cookie_name=cookie_name(CSRF_COOKIE, settings),
            cookie_secure=settings.uses_https,
            cookie_httponly=True,
            cookie_samesite="lax",
            exclude=PROBES,
        ),
        template_config=create_template_config(auto_reload=settings.debug, extra_globals=TEMPLATE_GLOBALS),
        stores={"sessions": session_store(settings), "rate_limits": rate_limits},
        allowed_hosts=AllowedHostsConfig(
            allowed_hosts=settings.host_names, exclude=PROBES, www_redirect=False
        ),
        openapi_config=OpenAPIConfig(
            title="光博会人才招聘会 Job Board API",
            version="1.0.0",
            path="/api/docs",
            render_plugins=[api_docs_page()],
        ),
        on_startup=[lifecycle.start],
        on_shutdown=[lifecycle.stop, _close_stores],
        request_max_body_size=ONE_MEGABYTE,
        state=lifecycle.state,
        debug=settings.debug,
        logging_config=None,  # configure_logging() owns the handlers: Litestar's default would replace them
    )
    app.asgi_handler = RequestLogMiddleware(app.asgi_handler)  # outermost: every request gets an id
    return app
