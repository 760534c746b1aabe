"""Litestar stores for sessions and rate-limit counters.

Without Redis, sessions live in files under ``var/`` and counters in this process's memory. With
``JOBBOARD_REDIS_URL``, both live in Redis, shared by every worker of every node. Both kinds of store also
count atomically (``increment``), which the rate limiter needs and Litestar's stores lack.
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from datetime import timedelta

from litestar.stores.base import Store
from litestar.stores.file import FileStore
from litestar.stores.redis import RedisStore
from redis.asyncio import Redis

from jobboard.core.settings import Settings


def _seconds(value: int | timedelta | None) -> int | None:
    return int(value.total_seconds()) if isinstance(value, timedelta) else value


class CountingStore(Store):
    async def increment(self, key: str, window: int) -> int:
        """Adds one to counter ``key`` (from zero, living ``window`` seconds); returns the new count."""
        raise NotImplementedError

    async def close(self) -> None:
        """Releases connections (at the app's shutdown)."""


class MemoryCountingStore(CountingStore):
    """This process only: with several workers, each counts on its own (set JOBBOARD_REDIS_URL)."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[bytes, float | None]] = {}
        self._lock = threading.Lock()  # handlers of one process may run on several event loops and threads

    def _live(self, key: str) -> tuple[bytes, float | None] | None:
        item = self._items.get(key)
        if item is not None and item[1] is not None and item[1] <= time.monotonic():
            del self._items[key]
            return None
        return item

    def _prune(self) -> None:
        if len(self._items) > 10_000:
            now = time.monotonic()
            for key in [key for key, (_, end) in self._items.items() if end is not None and end <= now]:
                del self._items[key]

    async def increment(self, key: str, window: int) -> int:
        with self._lock:
            item = self._live(key)
            count = int(item[0]) + 1 if item else 1
            self._items[key] = (str(count).encode(), item[1] if item else time.monotonic() + window)
            self._prune()
            return count

    async def set(self, key: str, value: str | bytes, expires_in: int | timedelta | None = None) -> None:
        seconds = _seconds(expires_in)
        data = value.encode() if isinstance(value, str) else value
        with self._lock:
            self._items[key] = (data, time.monotonic() + seconds if seconds else None)
            self._prune()

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        with self._lock:
            item = self._live(key)
            if item is None:
                return None
            seconds = _seconds(renew_for)
            if seconds and item[1] is not None:
                self._items[key] = (item[0], time.monotonic() + seconds)
            return item[0]

    async def delete(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    async def delete_all(self) -> None:
        with self._lock:
            self._items.clear()

    async def exists(self, key: str) -> bool:
        with self._lock:
            return self._live(key) is not None

    async def expires_in(self, key: str) -> int | None:
        with self._lock:
            item = self._live(key)
            return None if item is None or item[1] is None else int(item[1] - time.monotonic())


class SharedRedisStore(CountingStore):
    """Litestar's RedisStore, with one client per event loop.

    A Redis client belongs to the event loop it first ran on. A Uvicorn worker has one loop, but
    Litestar's test client starts a loop per request: each loop gets its own client here.
    """

    def __init__(self, url: str, namespace: str) -> None:
        self.url = url
        self.namespace = namespace
        self._by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Redis, RedisStore]] = (
            weakref.WeakKeyDictionary()
        )

    def _connection(self) -> tuple[Redis, RedisStore]:
        loop = asyncio.get_running_loop()
        pair = self._by_loop.get(loop)
        if pair is None:
            client = Redis.from_url(self.url, socket_connect_timeout=5, socket_timeout=5)
            pair = self._by_loop[loop] = (client, RedisStore(client, namespace=self.namespace))
        return pair

    def _store(self) -> RedisStore:
        return self._connection()[1]

    async def increment(self, key: str, window: int) -> int:
        client, _ = self._connection()
        name = f"{self.namespace}:{key}"  # as RedisStore names its keys
        async with client.pipeline(transaction=True) as pipe:  # MULTI: both or neither
            pipe.set(name, 0, ex=window, nx=True)
            pipe.incr(name)
            _, count = await pipe.execute()
        return int(count)

    async def set(self, key: str, value: str | bytes, expires_in: int | timedelta | None = None) -> None:
        await self._store().set(key, value, expires_in)

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        return await self._store().get(key, renew_for)

    async def delete(self, key: str) -> None:
        await self._store().delete(key)

    async def delete_all(self) -> None:
        await self._store().delete_all()

    async def exists(self, key: str) -> bool:
        return await self._store().exists(key)

    async def expires_in(self, key: str) -> int | None:
        return await self._store().expires_in(key)

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        pair = self._by_loop.pop(loop, None)
        if pair is not None:
            await pair[0].aclose()


def session_store(settings: Settings) -> Store:
    if settings.redis_url:
        return SharedRedisStore(settings.redis_url, f"{settings.redis_namespace}-sessions")
    return FileStore(settings.upload_dir.parent / "sessions")


def rate_limit_store(settings: Settings) -> CountingStore:
    if settings.redis_url:
        return SharedRedisStore(settings.redis_url, f"{settings.redis_namespace}-ratelimit")
    return MemoryCountingStore()
