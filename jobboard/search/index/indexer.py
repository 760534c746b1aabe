"""Keeps the index equal to the public jobs in the database.

Services write an outbox row in the same transaction as any change to a job's public face. The
indexer applies entries after its generation's cursor (``drain``), rebuilds a whole generation and
swaps it in (``rebuild``), and compares index and database (``check``). Applying an entry reads the
job's current row, so entries are idempotent and a crash only means applying some of them again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import Engine, func
from sqlmodel import col, select
from whoosh import index as whoosh_index
from whoosh.index import Index

from jobboard.companies.models import Company
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.outbox import IndexOutboxEntry
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job
from jobboard.jobs.visibility import public_job_condition
from jobboard.search.index.documents import job_document
from jobboard.search.index.layout import Generation, GenerationMeta, IndexLayout
from jobboard.search.index.report import IndexReport, progress
from jobboard.search.index.schema import build_schema, schema_fingerprint

log = logging.getLogger(__name__)

BATCH_SIZE = 500
REBUILD_BATCH_SIZE = 1000
# An outbox id skipped while its transaction was still open shows up within this long, or never
# (rolled back). Only databases with sequences (PostgreSQL) leave such gaps; SQLite does not.
GAP_SECONDS = 300.0
GAP_LOOKBACK = 200  # ids below a rebuild's cursor checked for open transactions
DEFAULT_LOCK_TIMEOUT = 300.0


class JobIndexer:
    """Writes one index folder. Safe from any thread or process: writes take the folder's lock."""

    def __init__(
        self,
        target: Settings | Path | str,
        engine: Engine,
        *,
        lock_timeout: float | None = DEFAULT_LOCK_TIMEOUT,
        procs: int = 1,
    ) -> None:
        index_dir = target.index_dir if isinstance(target, Settings) else Path(target)
        self.layout = IndexLayout(index_dir)
        self.engine = engine
        self.lock_timeout = lock_timeout
        self.procs = procs  # >1: Whoosh's multi-process writer for full builds

    # Opening

    def needs_rebuild(self) -> bool:
        generation = self.layout.current()
        meta = generation.read_meta() if generation else None
        return meta is None or meta.fingerprint != schema_fingerprint()

    def ensure_index(self, show_progress: bool = False) -> bool:
        """Builds the index if it is missing or its schema changed; True if it did. Call at start-up.

        Checked again under the lock, so several workers starting together build it once.
        """
        if not self.needs_rebuild():
            return False
        with self.layout.writer_lock(self.lock_timeout):
            if not self.needs_rebuild():
                return False
            log.info("search index missing or built with another schema: rebuilding %s", self.layout.root)
            generation = self._build_generation(show_progress)
            self.layout.swap(generation)
            self._drain_locked()
        return True

    # Applying the outbox

    def drain(self) -> int:
        """Applies outbox entries after the cursor; returns how many. Waits for another writer."""
        if self.ensure_index():
            return 0  # the rebuild drained already
        with self.layout.writer_lock(self.lock_timeout):
            return self._drain_locked()

    def _drain_locked(self) -> int:
        generation = self.layout.current()
        meta = generation.read_meta() if generation else None
        if generation is None or meta is None:
            return 0
        applied = 0
        ix: Index | None = None
        try:
            while entries := self._pending_entries(meta):
                ix = ix or whoosh_index.open_dir(str(generation.path))  # only when there is work
                self._apply(ix, sorted({entry.job_id for entry in entries}))
                self._advance(meta, entries)
                generation.write_meta(meta)
                self.layout.announce_change()
                applied += len(entries)
        finally:
            if ix is not None:
                ix.close()
        return applied

    def _pending_entries(self, meta: GenerationMeta) -> list[IndexOutboxEntry]:
        now = time.time()
        meta.gaps = {gap: seen for gap, seen in meta.gaps.items() if now - seen < GAP_SECONDS}
        with open_session(self.engine) as session:
            outbox_max = session.exec(select(func.max(IndexOutboxEntry.id))).one() or 0
            if outbox_max < meta.cursor:
                # The outbox was emptied and its ids started again: apply everything again.
                log.warning("outbox ids went back from %s to %s; re-applying all", meta.cursor, outbox_max)
                meta.cursor, meta.gaps = 0, {}
            entries = list(
                session.exec(
                    select(IndexOutboxEntry)
                    .where(col(IndexOutboxEntry.id) > meta.cursor)
                    .order_by(col(IndexOutboxEntry.id))
                    .limit(BATCH_SIZE)
                ).all()
            )
            if meta.gaps:
                entries += session.exec(
                    select(IndexOutboxEntry).where(col(IndexOutboxEntry.id).in_(list(meta.gaps)))
                ).all()
        return entries

    def _advance(self, meta: GenerationMeta, entries: Sequence[IndexOutboxEntry]) -> None:
        now = time.time()
        seen = {entry.id for entry in entries if entry.id is not None}
        for gap in seen & meta.gaps.keys():
            del meta.gaps[gap]
        new_max = max((entry.id for entry in entries if entry.id is not None), default=meta.cursor)
        for missing in range(meta.cursor + 1, new_max):
            if missing not in seen:
                meta.gaps[missing] = now
        meta.cursor = max(meta.cursor, new_max)

    def _apply(self, ix: Index, job_ids: list[int]) -> None:
        documents = {int(document["job_id"]): document for document in self._public_documents(job_ids)}
        writer = ix.writer()
        try:
            for job_id in job_ids:
                if job_id in documents:
                    writer.update_document(**documents[job_id])
                else:
                    writer.delete_by_term("job_id", str(job_id))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def _public_documents(self, job_ids: list[int]) -> list[dict]:
        with open_session(self.engine) as session:
            rows = session.exec(
                select(Job, Company).join(Company).where(col(Job.id).in_(job_ids), public_job_condition())
            ).all()
            return [job_document(job, company) for job, company in rows]

    # Rebuilding

    def rebuild(self, show_progress: bool = False) -> int:
        """Builds a new generation from the database while searches go on, swaps it in, then drains
        what changed meanwhile. Returns the number of indexed jobs."""
        generation = self._build_generation(show_progress)
        with self.layout.writer_lock(self.lock_timeout):
            self.layout.swap(generation)
            self._drain_locked()
        meta = generation.read_meta()
        return meta.documents if meta else 0

    def _build_generation(self, show_progress: bool) -> Generation:
        generation = self.layout.new_generation()
        ix = whoosh_index.create_in(str(generation.path), build_schema())
        # The cursor is read before the jobs: whatever changes while we read comes after it.
        with open_session(self.engine) as session:
            cursor = session.exec(select(func.max(IndexOutboxEntry.id))).one() or 0
            recent = set(
                session.exec(
                    select(IndexOutboxEntry.id).where(col(IndexOutboxEntry.id) > cursor - GAP_LOOKBACK)
                ).all()
            )
            total = session.exec(
                select(func.count()).select_from(Job).join(Company).where(public_job_condition())
            ).one()
        now = time.time()
        gaps = {gap: now for gap in range(max(1, cursor - GAP_LOOKBACK + 1), cursor + 1) if gap not in recent}
        options = {"procs": self.procs, "multisegment": True} if self.procs > 1 else {}
        writer = ix.writer(limitmb=256, **options)
        count = 0
        try:
            with progress(show_progress, total) as advance:
                for batch in self._public_batches():
                    for document in batch:
                        writer.add_document(**document)
                    count += len(batch)
                    advance(len(batch))
        except BaseException:
            writer.cancel()
            ix.close()
            raise
        writer.commit()
        ix.close()
        generation.write_meta(GenerationMeta(schema_fingerprint(), cursor, gaps, documents=count))
        return generation

    def _public_batches(self) -> Iterator[list[dict]]:
        """Public jobs in id order, one short transaction per batch (SQLite transactions here begin
        IMMEDIATE, so one long read would hold off every writer for the whole build)."""
        last_id = 0
        while True:
            with open_session(self.engine) as session:
                rows = session.exec(
                    select(Job, Company)
                    .join(Company)
                    .where(public_job_condition(), col(Job.id) > last_id)
                    .order_by(col(Job.id))
                    .limit(REBUILD_BATCH_SIZE)
                ).all()
                documents = [job_document(job, company) for job, company in rows]
            if not rows:
                return
            last_id = rows[-1][0].id or last_id
            yield documents

    # Checking

    def check(self) -> IndexReport:
        generation = self.layout.current()
        meta = generation.read_meta() if generation else None
        with open_session(self.engine) as session:
            outbox_max = session.exec(select(func.max(IndexOutboxEntry.id))).one() or 0
            pending = session.exec(
                select(func.count())
                .select_from(IndexOutboxEntry)
                .where(col(IndexOutboxEntry.id) > (meta.cursor if meta else 0))
            ).one()
        if generation is None or meta is None:
            return IndexReport(None, False, 0, outbox_max, pending, 0, 0)
        ix = whoosh_index.open_dir(str(generation.path))
        try:
            with ix.searcher() as searcher:
                indexed = {
                    int(fields["job_id"]): fields.get("fingerprint", "")
                    for fields in searcher.all_stored_fields()
                }
        finally:
            ix.close()
        public: dict[int, str] = {}
        for batch in self._public_batches():
            public.update((int(document["job_id"]), document["fingerprint"]) for document in batch)
        return IndexReport(
            generation=generation.name,
            fingerprint_ok=meta.fingerprint == schema_fingerprint(),
            cursor=meta.cursor,
            outbox_max=outbox_max,
            pending=pending,
            indexed=len(indexed),
            public=len(public),
            missing=sorted(public.keys() - indexed.keys()),
            extra=sorted(indexed.keys() - public.keys()),
            stale=sorted(
                job_id for job_id in public.keys() & indexed.keys() if public[job_id] != indexed[job_id]
            ),
        )


def rebuild_index(settings: Settings, show_progress: bool = False) -> int:
    """``jobboard reindex``: a new generation from the database, swapped in atomically."""
    engine = create_db_engine(settings.database_url)
    try:
        return JobIndexer(settings, engine).rebuild(show_progress=show_progress)
    finally:
        engine.dispose()


def check_index(settings: Settings) -> IndexReport:
    """``jobboard check-index``: print the report, exit non-zero unless ``report.ok``."""
    engine = create_db_engine(settings.database_url)
    try:
        return JobIndexer(settings, engine).check()
    finally:
        engine.dispose()
