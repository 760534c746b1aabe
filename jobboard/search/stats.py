"""Search analytics without anyone's identity: what people searched for, and what found nothing.

Searches are counted per query and fair day; no user, session, address or time of day is kept. Queries
are normalised (width, case, spaces) so that ``ＬＡＳＥＲ  激光`` and ``laser 激光`` count together, and
e-mail addresses and long numbers (phones, ID numbers) are masked.

A search does not write: ``SearchTally.count`` adds it to this process's counters in memory, and
``SearchTallyFlusher`` writes them every few seconds, all in one transaction, and once more when the app
stops. ``record_search`` writes one search at once, through the same upsert (the tests seed with it).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, func
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, col, select

from jobboard.core.clock import fair_today
from jobboard.core.db import open_session
from jobboard.search.models import SearchQueryDay

logger = logging.getLogger("jobboard.search_stats")

MAX_QUERY_CHARS = 100
_EMAIL = re.compile(r"\S+@\S+")
# Phone and ID numbers: seven digits or more in a row, or a mobile number written in groups (138 0000 0000).
_LONG_NUMBER = re.compile(r"\d{7,}x?|1[3-9]\d[\s-]\d{4}[\s-]?\d{4}")
_SPACES = re.compile(r"\s+")
# Rows per INSERT … ON CONFLICT statement: four parameters a row stays far below SQLite's limit.
_ROWS_PER_STATEMENT = 500

# (fair day, normalised query) -> (searches, searches that found nothing)
Counts = dict[tuple[date, str], tuple[int, int]]


def normalise_query(text: str) -> str:
    """The form a query is counted under; empty when there is nothing to count."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _EMAIL.sub("[email]", text)
    text = _LONG_NUMBER.sub("[number]", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_CHARS].strip()


def record_search(session: Session, text: str, result_count: int) -> None:
    """Counts one search (the first page of results only) for today; commits its own small transaction.

    Analytics never break a search: a database error is logged and rolled back, not raised.
    """
    query = normalise_query(text)
    if not query:
        return
    zero = 1 if result_count == 0 else 0
    try:
        _upsert(session, {(fair_today(), query): (1, zero)})
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        logger.warning("a search could not be counted", exc_info=True)


class SearchTally:
    """This process's search counts not yet written, per fair day and normalised query. Thread-safe.

    ``count`` only touches memory; ``flush`` writes everything counted so far in one transaction and,
    when the database fails, keeps the counts for the next flush. At most ``max_queries`` different
    queries wait at a time: beyond them (the database away for long, or a flood of made-up queries) new
    queries are not counted, so that memory stays bounded.
    """

    def __init__(self, max_queries: int = 50_000) -> None:
        self.max_queries = max_queries
        self._lock = threading.Lock()  # guards _counts and _dropped; held for a dict update only
        self._flushing = threading.Lock()  # one flush at a time
        self._counts: Counts = {}
        self._dropped = 0

    def count(self, text: str, result_count: int) -> None:
        """Adds one search of ``text`` that found ``result_count`` jobs; an empty query is not counted."""
        query = normalise_query(text)
        if not query:
            return
        key = (fair_today(), query)
        zero = 1 if result_count == 0 else 0
        with self._lock:
            current = self._counts.get(key)
            if current is None:
                if len(self._counts) >= self.max_queries:
                    self._dropped += 1
                    return
                current = (0, 0)
            self._counts[key] = (current[0] + 1, current[1] + zero)

    def pending(self) -> Counts:
        """A copy of the counts not yet written."""
        with self._lock:
            return dict(self._counts)

    def flush(self, engine: Engine) -> int:
        """Writes the counts so far in one transaction; the number of searches written.

        A database error is logged (without any query) and the counts are put back, merged with those
        counted meanwhile, for the next flush; 0 is returned.
        """
        with self._flushing:
            with self._lock:
                counts, self._counts = self._counts, {}
                dropped, self._dropped = self._dropped, 0
            if dropped:
                logger.warning("%d searches not counted: too many different queries waiting", dropped)
            if not counts:
                return 0
            try:
                with open_session(engine) as session:
                    _upsert(session, counts)
                    session.commit()
            except BaseException as error:
                self._put_back(counts)
                if not isinstance(error, SQLAlchemyError):
                    raise
                # The error's class only: its message may quote a query (a row's values).
                driver = getattr(error, "orig", None)
                logger.warning(
                    "search counts not written, kept for the next try: %s%s (%d queries waiting)",
                    type(error).__name__,
                    f" ({type(driver).__name__})" if driver is not None else "",
                    len(counts),
                )
                return 0
            return sum(searches for searches, _ in counts.values())

    def _put_back(self, counts: Counts) -> None:
        with self._lock:
            for key, (searches, zeros) in counts.items():
                current = self._counts.get(key, (0, 0))
                self._counts[key] = (current[0] + searches, current[1] + zeros)


class SearchTallyFlusher:
    """Flushes a tally every ``every_seconds`` from a daemon thread, and a last time at ``stop``."""

    def __init__(self, tally: SearchTally, engine: Engine, every_seconds: float = 5.0) -> None:
        self.tally = tally
        self.engine = engine
        self.every_seconds = every_seconds
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="search-tally-flusher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stops the thread and writes what it had not written yet (call before the engine is disposed)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self._flush()

    def _run(self) -> None:
        while not self._stopping.wait(self.every_seconds):
            self._flush()

    def _flush(self) -> None:
        try:
            self.tally.flush(self.engine)
        except Exception:  # keep flushing; the counts are still in the tally
            logger.exception("writing the search counts failed")


def _upsert(session: Session, counts: Mapping[tuple[date, str], tuple[int, int]]) -> None:
    """Adds the searches and zero results to each (day, query) row, making the missing rows.

    Rows are written in key order, so that workers flushing at the same time lock them in the same order.
    """
    table = SQLModel.metadata.tables[SearchQueryDay.__tablename__]  # the Core table, for upserts
    keys = sorted(counts)
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
        for start in range(0, len(keys), _ROWS_PER_STATEMENT):
            rows = [
                {
                    "day": day,
                    "query": query,
                    "searches": counts[day, query][0],
                    "zero_results": counts[day, query][1],
                }
                for day, query in keys[start : start + _ROWS_PER_STATEMENT]
            ]
            statement = insert(table).values(rows)
            statement = statement.on_conflict_do_update(
                index_elements=["day", "query"],
                set_={
                    "searches": table.c.searches + statement.excluded.searches,
                    "zero_results": table.c.zero_results + statement.excluded.zero_results,
                },
            )
            session.execute(statement)
        return
    for day, query in keys:
        searches, zeros = counts[day, query]
        row = session.exec(
            select(SearchQueryDay).where(SearchQueryDay.day == day, SearchQueryDay.query == query)
        ).first()
        if row is None:
            session.add(SearchQueryDay(day=day, query=query, searches=searches, zero_results=zeros))
        else:
            row.searches += searches
            row.zero_results += zeros


@dataclass(frozen=True)
class QueryCount:
    query: str
    searches: int
    zero_results: int


@dataclass(frozen=True)
class SearchSummary:
    searches: int
    zero_results: int
    top_queries: list[QueryCount]
    zero_result_queries: list[QueryCount]

    @property
    def zero_share(self) -> float:
        return self.zero_results / self.searches if self.searches else 0.0


def search_summary(session: Session, limit: int = 15) -> SearchSummary:
    """Over the whole fair: the most searched queries, and the queries that most often found nothing."""
    searches = func.sum(SearchQueryDay.searches)
    zeros = func.sum(SearchQueryDay.zero_results)
    totals = session.exec(select(func.coalesce(searches, 0), func.coalesce(zeros, 0))).one()
    grouped = select(SearchQueryDay.query, searches.label("searches"), zeros.label("zeros")).group_by(
        col(SearchQueryDay.query)
    )
    top = session.exec(grouped.order_by(searches.desc(), col(SearchQueryDay.query)).limit(limit)).all()
    empty = session.exec(
        grouped.having(zeros > 0).order_by(zeros.desc(), col(SearchQueryDay.query)).limit(limit)
    ).all()
    return SearchSummary(
        searches=int(totals[0]),
        zero_results=int(totals[1]),
        top_queries=[QueryCount(q, int(s), int(z)) for q, s, z in top],
        zero_result_queries=[QueryCount(q, int(s), int(z)) for q, s, z in empty],
    )
