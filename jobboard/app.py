"""The application factory: the board's routes, and ``BoardPlugin`` for everything else it does.

Read ``jobboard/plugin.py`` for the configs, the lifespan and what handlers are given, and
``jobboard/routes.py`` for every controller, by domain.
"""

from __future__ import annotations

from litestar import Litestar

from jobboard.core.settings import Settings, get_settings
from jobboard.plugin import REQUEST_MAX_BODY_SIZE, BoardPlugin
from jobboard.routes import ROUTE_HANDLERS


def create_app(settings: Settings | None = None) -> Litestar:
    return Litestar(
        route_handlers=ROUTE_HANDLERS,
        plugins=[BoardPlugin(settings or get_settings())],
        # Litestar 2 reads this one limit from its own arguments only, never from a plugin's AppConfig.
        request_max_body_size=REQUEST_MAX_BODY_SIZE,
    )
