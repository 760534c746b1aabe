"""The search outbox: a row per job whose public face may have changed, written by the domains' services
in the same transaction as the change, and applied to the index by ``jobboard.search.index.indexer``.

In ``core`` because every domain that changes a posting writes it, and core imports no domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Field, Session, SQLModel

from jobboard.core.columns import created_at_field


class IndexOutboxEntry(SQLModel, table=True):
    """A job whose public face may have changed; written in the same transaction as the change.

    Rows are never updated. Each index folder remembers the last entry it applied, so any number of
    indexes (one per node) can follow the same outbox, and a crash only means re-applying entries.
    """

    __tablename__ = "search_outbox"

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(index=True)  # no foreign key: a deleted job must still leave the index
    created_at: datetime = created_at_field()


OUTBOX_WRITTEN = "jobboard.search_outbox_written"


def enqueue_for_indexing(session: Session, job_ids: Iterable[int]) -> None:
    entries = [IndexOutboxEntry(job_id=job_id) for job_id in job_ids]
    if entries:
        session.add_all(entries)
        session.info[OUTBOX_WRITTEN] = True  # after the commit, this process's index follower is nudged
