"""Search analytics without anyone's identity: what people searched for, and what found nothing.

``record_search`` adds one search to its query's counter for the fair day; no user, session, address
or time of day is kept. Queries are normalised (width, case, spaces) so that ``ＬＡＳＥＲ  激光`` and
``laser 激光`` count together, and e-mail addresses and long numbers (phones, ID numbers) are masked.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Table, func
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from jobboard.core.clock import fair_today
from jobboard.staff.models import SearchQueryDay

logger = logging.getLogger("jobboard.search_stats")

MAX_QUERY_CHARS = 100
_EMAIL = re.compile(r"\S+@\S+")
# Phone and ID numbers: seven digits or more in a row, or a mobile number written in groups (138 0000 0000).
_LONG_NUMBER = re.compile(r"\d{7,}x?|1[3-9]\d[\s-]\d{4}[\s-]?\d{4}")
_SPACES = re.compile(r"\s+")


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
        _upsert(session, fair_today(), query, zero)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        logger.warning("a search could not be counted", exc_info=True)


def _upsert(session: Session, day: date, query: str, zero: int) -> None:
    table: Table = SearchQueryDay.__table__  # type: ignore[assignment]
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
        statement = insert(table).values(day=day, query=query, searches=1, zero_results=zero)
        statement = statement.on_conflict_do_update(
            index_elements=["day", "query"],
            set_={"searches": table.c.searches + 1, "zero_results": table.c.zero_results + zero},
        )
        session.execute(statement)
        return
    row = session.exec(
        select(SearchQueryDay).where(SearchQueryDay.day == day, SearchQueryDay.query == query)
    ).first()
    if row is None:
        session.add(SearchQueryDay(day=day, query=query, searches=1, zero_results=zero))
    else:
        row.searches += 1
        row.zero_results += zero


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
