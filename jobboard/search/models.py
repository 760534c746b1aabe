"""The search room's own table: search analytics, one row per query and day, no one's identity.

The search outbox, which every domain writes, lives in ``jobboard.core.outbox``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class SearchQueryDay(SQLModel, table=True):
    """How often a (normalised) query was searched on one fair day, and how often it found nothing.

    Deliberately no user, session, address or time of day: only the words and two counters.
    """

    __tablename__ = "search_queries"
    __table_args__ = (UniqueConstraint("day", "query", name="uq_search_queries_day_query"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    query: str = Field(max_length=100)
    searches: int = Field(default=0)
    zero_results: int = Field(default=0)
