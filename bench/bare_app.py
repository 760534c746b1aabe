"""The framework's ceiling: a Litestar app with one handler, served like ``jobboard serve``.

.venv/bin/python bench/bare_app.py --port 8100 --workers 2
"""

from __future__ import annotations

import argparse

from litestar import Litestar, MediaType, get


@get("/", media_type=MediaType.TEXT, sync_to_thread=False)
def hello() -> str:
    return "ok"


def create_app() -> Litestar:
    return Litestar(route_handlers=[hello])


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
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
