"""The framework's ceiling: a Litestar app with one handler, served like ``jobboard serve``.

.venv/bin/python bench/bare_app.py --port 8100 --workers 2
.venv/bin/python bench/bare_app.py --port 8100 --workers 2 --stock-middleware redis://127.0.0.1:6379/0

With ``--stock-middleware``, the same handler behind Litestar's own middleware that the board also needs
(CSRF, server-side sessions in Redis, allowed hosts), configured as Litestar's documentation shows: what
the framework's security features cost before any page work.
"""

from __future__ import annotations

import argparse
import os

from litestar import Litestar, MediaType, get

# Passed to the workers through the environment: the Redis URL, and the Host header to allow (with its port).
STOCK_MIDDLEWARE, SERVED_AT = "BARE_APP_STOCK_MIDDLEWARE", "BARE_APP_SERVED_AT"


@get("/", media_type=MediaType.TEXT, sync_to_thread=False)
def hello() -> str:
    return "ok"


def create_app() -> Litestar:
    redis_url = os.environ.get(STOCK_MIDDLEWARE)
    if not redis_url:
        return Litestar(route_handlers=[hello])
    from litestar.config.allowed_hosts import AllowedHostsConfig
    from litestar.config.csrf import CSRFConfig
    from litestar.middleware.session.server_side import ServerSideSessionConfig
    from litestar.stores.redis import RedisStore

    return Litestar(
        route_handlers=[hello],
        csrf_config=CSRFConfig(secret="bench-" + "x" * 32),
        middleware=[ServerSideSessionConfig().middleware],
        stores={"sessions": RedisStore.with_client(url=redis_url, namespace="bare-app-sessions")},
        allowed_hosts=AllowedHostsConfig(allowed_hosts=[os.environ[SERVED_AT]]),
    )


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stock-middleware", metavar="REDIS_URL", default="")
    options = parser.parse_args()
    if options.stock_middleware:
        os.environ[STOCK_MIDDLEWARE] = options.stock_middleware
        os.environ[SERVED_AT] = f"{options.host}:{options.port}"
    # The same call as `jobboard serve` (jobboard/cli.py), with this app instead of the board.
    uvicorn.run(
        "bench.bare_app:create_app",
        factory=True,
        host=options.host,
        port=options.port,
        workers=options.workers,
    )


if __name__ == "__main__":
    main()
