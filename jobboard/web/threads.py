"""The threads that run the board's synchronous handlers, sized for waiting on the database.

Under Uvicorn, Litestar runs ``sync_to_thread`` handlers with ``loop.run_in_executor`` on the event loop's
default executor, which Python sizes ``min(32, cores + 4)``: 6 threads on a 2-core machine. The board's
handlers spend most of their time waiting for PostgreSQL, so 6 at a time left each worker half idle under
load while requests queued (measured with bench/load.py: the workers used about half a core each). The
pool is widened to the database connection pool's size, so that no thread waits for a connection. Async
handlers hand their database work to the same pool (``litestar.concurrency.sync_to_thread``), not to
anyio's own threads, so that at most this many connections are in use at once.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from jobboard.core.db import POOLED_CONNECTIONS

HANDLER_THREADS = POOLED_CONNECTIONS  # a connection for every thread


def widen_handler_threads(threads: int = HANDLER_THREADS) -> None:
    """Call from the running event loop (at application start-up)."""
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=threads, thread_name_prefix="handler"))
