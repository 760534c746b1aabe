"""The index follows the database through the outbox, across crashes, processes and rebuilds."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import delete

from jobboard.companies.models import CompanyStatus
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.outbox import IndexOutboxEntry, enqueue_for_indexing
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job, JobStatus
from jobboard.search.index.indexer import JobIndexer, check_index, rebuild_index
from jobboard.search.index.layout import IndexLayout
from jobboard.search.query.job_search import JobSearch, SearchQuery
from tests.search.board import add_company, add_job, update_job


def indexed_ids(search: JobSearch, text: str = "") -> set[int]:
    return set(search.search(SearchQuery(text=text, per_page=100), use_cache=False).job_ids)


def test_first_drain_builds_the_index(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    job = add_job(engine, add_company(engine), "激光器工艺工程师")
    assert indexer.needs_rebuild()
    indexer.drain()
    assert not indexer.needs_rebuild()
    assert indexed_ids(search, "激光") == {job.id}
    assert indexer.check().ok


def test_hidden_jobs_leave_the_index(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    company = add_company(engine)
    other = add_company(engine)
    closed, deleted, kept, suspended = (
        add_job(engine, c, f"激光工程师{n}") for n, c in enumerate((company, company, company, other))
    )
    indexer.drain()
    assert indexed_ids(search) == {closed.id, deleted.id, kept.id, suspended.id}

    update_job(engine, closed.id, status=JobStatus.CLOSED)
    with open_session(engine) as session:
        session.exec(delete(Job).where(Job.id == deleted.id))  # type: ignore[arg-type]
        enqueue_for_indexing(session, [deleted.id])
        session.commit()
    with open_session(engine) as session:
        suspended_company = session.get(type(other), other.id)
        suspended_company.status = CompanyStatus.SUSPENDED
        session.add(suspended_company)
        enqueue_for_indexing(session, [suspended.id])
        session.commit()
    assert indexer.drain() == 3
    assert indexed_ids(search) == {kept.id}
    assert indexed_ids(search, "激光") == {kept.id}
    assert indexer.check().ok


def test_a_searcher_in_use_sees_deletions(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    company = add_company(engine)
    jobs = [add_job(engine, company, f"激光工程师{n}") for n in range(3)]
    indexer.drain()
    assert indexed_ids(search, "激光") == {job.id for job in jobs}  # the searcher reads postings
    update_job(engine, jobs[0].id, status=JobStatus.CLOSED)
    update_job(engine, jobs[1].id, title="激光器工艺工程师")
    indexer.drain()
    assert indexed_ids(search, "激光") == {jobs[1].id, jobs[2].id}
    assert indexed_ids(search, "工艺") == {jobs[1].id}
    assert indexed_ids(search) == {jobs[1].id, jobs[2].id}


def test_an_edit_replaces_the_document(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    job = add_job(engine, add_company(engine), "光学设计工程师")
    indexer.drain()
    update_job(engine, job.id, title="销售经理")
    indexer.drain()
    assert indexed_ids(search, "光学设计") == set()
    assert indexed_ids(search, "销售") == {job.id}
    assert indexer.check().indexed == 1


def _write_and_drain(
    database_url: str, index_dir: str, worker: int, count: int, start: object, out: object
) -> None:
    """One web worker: commits jobs (with outbox rows) and drains after each commit."""
    from jobboard.core.db import create_db_engine
    from jobboard.search.index.indexer import JobIndexer
    from tests.search.board import add_company, add_job

    engine = create_db_engine(database_url)
    indexer = JobIndexer(index_dir, engine, lock_timeout=120)
    company = add_company(engine, f"并发测试公司{worker}")
    start.wait()  # type: ignore[attr-defined]  # both workers write at the same moment
    ids = []
    for number in range(count):
        ids.append(add_job(engine, company, f"激光测试岗位{worker}-{number}").id)
        indexer.drain()
    engine.dispose()
    out.put(ids)  # type: ignore[attr-defined]


def test_two_processes_writing_at_once_lose_nothing(engine: Engine, indexer: JobIndexer) -> None:
    indexer.ensure_index()
    context = multiprocessing.get_context("spawn")
    start, out = context.Barrier(2), context.Queue()
    workers = [
        context.Process(
            target=_write_and_drain, args=(str(engine.url), str(indexer.layout.root), worker, 40, start, out)
        )
        for worker in (1, 2)
    ]
    for worker in workers:
        worker.start()
    written = {job_id for _ in workers for job_id in out.get(timeout=120)}
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(written) == 80
    report = indexer.check()
    assert report.ok, str(report)
    search = JobSearch(indexer.layout.root)
    assert indexed_ids(search, "激光") == written
    search.close()


def test_a_killed_indexer_is_flagged_and_recovers(
    engine: Engine, indexer: JobIndexer, search: JobSearch
) -> None:
    company = add_company(engine)
    first = add_job(engine, company, "光纤激光器研发工程师")
    indexer.drain()
    # The indexer "dies" after committing to Whoosh but before saving its cursor: simulate by
    # moving the cursor back, and by changes that were committed but never drained.
    generation = indexer.layout.current()
    assert generation is not None
    meta = generation.read_meta()
    assert meta is not None
    meta.cursor = 0
    generation.write_meta(meta)
    update_job(engine, first.id, title="销售经理")
    second = add_job(engine, company, "光学设计工程师")

    report = indexer.check()
    assert not report.ok
    assert report.pending == 3
    assert report.missing == [second.id]
    assert report.stale == [first.id]
    assert "missing (1)" in str(report)

    indexer.drain()  # re-applies everything after the (stale) cursor: idempotent
    assert indexer.check().ok
    assert indexed_ids(search, "销售") == {first.id}


def test_rebuild_repairs_an_index_edited_behind_its_back(engine: Engine, indexer: JobIndexer) -> None:
    company = add_company(engine)
    job = add_job(engine, company, "光学设计工程师")
    indexer.drain()
    generation = indexer.layout.current()
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(generation.path))
    with ix.writer() as writer:
        writer.delete_by_term("job_id", str(job.id))
        writer.add_document(job_id="999999", title="幽灵岗位", fingerprint="x")
    ix.close()
    report = indexer.check()
    assert report.missing == [job.id] and report.extra == [999999]
    assert indexer.rebuild() == 1
    assert indexer.check().ok


def test_rebuild_swaps_while_searches_go_on(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    company = add_company(engine)
    jobs = [add_job(engine, company, f"激光工程师{n}").id for n in range(30)]
    indexer.drain()
    before = search.search(SearchQuery(text="激光")).generation
    errors: list[BaseException] = []
    answers: list[int] = []
    stop = threading.Event()

    def keep_searching() -> None:
        while not stop.is_set():
            try:
                answers.append(search.search(SearchQuery(text="激光"), use_cache=False).total)
            except BaseException as error:
                errors.append(error)

    thread = threading.Thread(target=keep_searching)
    thread.start()
    try:
        for _ in range(3):
            assert indexer.rebuild() == len(jobs)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert answers and set(answers) == {len(jobs)}  # every answer complete, before and after swaps
    after = search.search(SearchQuery(text="激光"))
    assert after.generation != before
    assert after.generation == indexer.layout.current_name()


def test_a_changed_schema_triggers_a_rebuild(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    job = add_job(engine, add_company(engine), "激光工程师")
    indexer.drain()
    generation = indexer.layout.current()
    meta = json.loads(generation.meta_path.read_text())
    meta["fingerprint"] = "built-by-an-older-version"
    generation.meta_path.write_text(json.dumps(meta))
    assert indexer.needs_rebuild()
    assert indexer.ensure_index() is True
    assert indexer.layout.current_name() != generation.name
    assert not indexer.ensure_index()
    assert indexed_ids(search, "激光") == {job.id}


def test_outbox_gaps_are_applied_when_they_appear(engine: Engine, indexer: JobIndexer) -> None:
    # PostgreSQL hands out ids before commit: id 2 may commit after id 3 was drained.
    company = add_company(engine)
    first = add_job(engine, company, "激光工程师")
    indexer.drain()
    late = add_job(engine, company, "光学设计工程师")  # outbox id 2
    early = add_job(engine, company, "销售经理")  # outbox id 3
    with open_session(engine) as session:
        entry = session.get(IndexOutboxEntry, 2)
        assert entry is not None and entry.job_id == late.id
        session.delete(entry)
        session.commit()
    indexer.drain()
    assert indexer.layout.current().read_meta().gaps.keys() == {2}
    with open_session(engine) as session:
        session.add(IndexOutboxEntry(id=2, job_id=late.id))
        session.commit()
    indexer.drain()
    report = indexer.check()
    assert report.ok, str(report)
    assert {first.id, late.id, early.id} == indexed_ids(JobSearch(indexer.layout.root))


def test_reindex_and_check_commands(tmp_path: Path, database_url: str) -> None:
    """What ``jobboard reindex`` and ``jobboard check-index`` call."""
    settings = Settings(database_url=database_url, index_dir=tmp_path / "cli-index")
    engine = create_db_engine(database_url)
    add_job(engine, add_company(engine), "激光工程师")
    assert not check_index(settings).ok
    assert rebuild_index(settings) == 1
    assert check_index(settings).ok
    assert IndexLayout(settings.index_dir).current() is not None
    engine.dispose()
