"""Rendered parts of public pages, kept a few seconds and reused by every visitor who asks the same.

On the fair's opening morning thousands of phones ask for the same few searches and job pages. The
part of such a page that depends only on what was asked (the query, the job), the reader's language and
the search index's version is rendered once and reused; the rest of the page (who is signed in, the
messages, the CSRF token) is rendered for each request around it. A part is keyed on the index version,
so a change to a job or a company (which always goes through the index's outbox) retires every part at
once; the time limit covers what changes without an edit, such as a deadline passing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cachetools import TTLCache
from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency
from markupsafe import Markup

from jobboard.core.i18n import get_locale
from jobboard.web.dependencies import AnyRequest

FRESH_SECONDS = 30.0
MAX_PARTS = 512  # a results part is ~10-30 KB: at most ~15 MB per worker


@dataclass(frozen=True)
class PagePart:
    html: Markup
    facts: Mapping[str, Any]  # what the page around the part needs to know (a title, a result count)


class PageParts:
    """An LRU of rendered parts with a time limit; safe to share between threads."""

    def __init__(self, size: int = MAX_PARTS, fresh_seconds: float = FRESH_SECONDS) -> None:
        self._parts: TTLCache[Hashable, PagePart] = TTLCache(maxsize=size, ttl=fresh_seconds)
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> PagePart | None:
        with self._lock:
            return self._parts.get(key)

    def put(self, key: Hashable, part: PagePart) -> None:
        with self._lock:
            self._parts[key] = part

    async def kept(self, key: Hashable, render: Callable[..., PagePart], *args: Any) -> PagePart:
        """The part under ``key``, or ``render(*args)`` run in a handler thread and kept."""
        part = self.get(key)
        if part is None:
            part = await sync_to_thread(render, *args)
            self.put(key, part)
        return part

    def clear(self) -> None:
        with self._lock:
            self._parts.clear()


KeptParts = NamedDependency[PageParts]  # what handlers ask for as ``page_parts``


def part_key(request: AnyRequest, name: str, version: Hashable) -> tuple[Hashable, ...]:
    """What a part of this page depends on: its name, the language, the index version and the query
    string as sent (links in the part carry the query's other parameters along)."""
    params = tuple(sorted((key, value) for key, value in request.query_params.multi_items() if key != "lang"))
    return (name, get_locale(), version, request.url.path, params)


def render_part(
    request: AnyRequest,
    template_name: str,
    context: Mapping[str, Any],
    *,
    keep: Iterable[str] = (),
    facts: Mapping[str, Any] | None = None,
) -> PagePart:
    """A template rendered here, in the handler, to be kept; it must not show who is signed in.

    ``keep`` names top-level variables the template sets (``{% set page_title = … %}``) that the page
    around the part needs; ``facts`` adds what the handler knows.
    """
    environment = request.app.template_engine.engine  # type: ignore[union-attr]
    module = environment.get_template(template_name).make_module({"request": request, **context})
    kept = {name: getattr(module, name) for name in keep}
    return PagePart(Markup(str(module)), kept | dict(facts or {}))
