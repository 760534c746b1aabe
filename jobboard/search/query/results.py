"""What a search asks and answers; plain values, safe to cache and to hand to templates and JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

from cachetools import LRUCache

from jobboard.search.index.documents import facet_value

# The limits and orders of a search, for the page and the API alike.
Sort = Literal["relevance", "newest", "salary"]
SORTS: tuple[Sort, ...] = get_args(Sort)
MAX_QUERY_LENGTH = 1000  # characters of a query kept; the parameter itself may be 4 times longer
MAX_PER_PAGE = 100
MAX_RESULTS_DEPTH = 10_000  # deeper pages are empty: nobody reads page 5,000, robots shouldn't cost us


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = facet_value(str(value))
    return text or None


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class SearchQuery:
    """What a visitor asked for. Values out of range are clamped, never refused."""

    text: str = ""
    city: str | None = None
    segment: str | None = None
    education: str | None = None
    job_type: str | None = None
    salary_min: int | None = None  # jobs whose range reaches it (salary_max), see job_search.py
    salary_band: str | None = None  # one of documents.SALARY_BANDS, as the facet counts them
    company_id: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        def set_(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)  # frozen: normalized once, here

        set_("text", str(self.text or "").strip())
        for name in ("city", "segment", "education", "job_type", "salary_band"):
            set_(name, _clean(getattr(self, name)))
        salary_min = _int_or_none(self.salary_min)
        set_("salary_min", salary_min if salary_min and salary_min > 0 else None)
        set_("company_id", _int_or_none(self.company_id))
        set_("sort", self.sort if self.sort in SORTS else "relevance")
        set_("per_page", min(MAX_PER_PAGE, max(1, _int_or_none(self.per_page) or 20)))
        set_("page", max(1, _int_or_none(self.page) or 1))

    def key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class SearchHit:
    job_id: int
    score: float | None
    title: str
    title_en: str
    title_html: str  # escaped, matches in <mark>
    title_en_html: str
    snippet_html: str  # from requirements or description when the search has a database, else ""

    @property
    def highlight(self) -> str:
        """The snippet to show under a result (escaped HTML with <mark> tags)."""
        return self.snippet_html or self.title_en_html


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    job_ids: list[int]
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    did_you_mean: str | None = None
    relaxed: bool = False  # no job matched every word: these match some of them
    total_is_exact: bool = True
    generation: str | None = None

    @property
    def last_page(self) -> int:
        """The last page with jobs on it (1 when none match)."""
        return max(1, math.ceil(min(self.total, MAX_RESULTS_DEPTH) / self.per_page))

    def facets_as_dict(self) -> dict[str, list[dict[str, Any]]]:
        """For JSON: ``{"city": [{"value": "长春", "count": 12}, ...], ...}``."""
        return {
            name: [{"value": facet.value, "count": facet.count} for facet in counts]
            for name, counts in self.facets.items()
        }


class ResultCache:
    """A small LRU of results, keyed by the query and the index version it was computed on."""

    def __init__(self, size: int) -> None:
        self._items: LRUCache[tuple[Any, ...], SearchResult] = LRUCache(size)

    def get(self, key: tuple[Any, ...]) -> SearchResult | None:
        return self._items.get(key)

    def put(self, key: tuple[Any, ...], result: SearchResult) -> None:
        self._items[key] = result
