"""Relevance benchmark: the judged postings in an empty board, every judged query, nDCG@10 etc.

    .venv/bin/python bench/relevance.py [--data ../shared/data/relevance] [--show-misses]

Loading (``load_postings``) and querying (``search_external_ids``) are the two functions to swap for
``jobboard.imports`` and ``GET /api/jobs`` once those exist; the metrics don't care.

Metrics, per query then averaged (overall and per kind):
- nDCG@10 with the grades (0/1/2) as gains, ideal order from all judgments;
- recall@10: grade-2 ids in the top 10, over min(10, number of grade-2 ids);
- recall@20: grade-2 ids in the top 20, over all grade-2 ids (the data set's suggestion);
- MRR: 1 / rank of the first result judged relevant (grade ≥ 1).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import SQLModel

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import jobboard.models  # noqa: E402,F401  (registers every table)
from jobboard.companies.models import Company, CompanyStatus, Segment  # noqa: E402
from jobboard.core.db import create_db_engine, open_session  # noqa: E402
from jobboard.core.outbox import enqueue_for_indexing  # noqa: E402
from jobboard.core.text import written_in  # noqa: E402
from jobboard.jobs.models import Education, Job, JobStatus, JobType  # noqa: E402
from jobboard.search.index.indexer import JobIndexer  # noqa: E402
from jobboard.search.query.job_search import JobSearch, SearchQuery  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "relevance"
K = 10


# Loading: swap for jobboard.imports once it exists.


def load_postings(engine: Engine, path: Path) -> dict[int, str]:
    """Creates approved companies and published jobs from a jobs.jsonl; returns job id → external id."""
    postings = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = datetime.now(UTC) - timedelta(days=1)
    external_ids: dict[int, str] = {}
    with open_session(engine) as session:
        companies: dict[str, Company] = {}
        for number, posting in enumerate(postings):
            name = posting["company"]
            if name not in companies:
                companies[name] = Company(
                    name_zh=name,
                    segment=Segment(posting.get("segment") or "other"),
                    city=posting.get("city") or "长春",
                    booth=posting.get("booth") or "",
                    status=CompanyStatus.APPROVED,
                )
                session.add(companies[name])
                session.flush()
            job = Job(
                external_id=posting["external_id"],
                company_id=companies[name].id,
                title_en=posting.get("title_en") or "",
                **_texts(posting),
                city=posting.get("city") or "长春",
                education=Education(posting.get("education") or "any"),
                job_type=JobType(posting.get("job_type") or "full_time"),
                salary_min=posting.get("salary_min"),
                salary_max=posting.get("salary_max"),
                headcount=posting.get("headcount") or 1,
                majors=posting.get("majors") or "",
                contact_email=posting.get("contact_email") or "",
                status=JobStatus.PUBLISHED,
                published_at=start + timedelta(minutes=number),
            )
            session.add(job)
            session.flush()
            assert job.id is not None
            external_ids[job.id] = posting["external_id"]
        enqueue_for_indexing(session, external_ids)
        session.commit()
    return external_ids


def _texts(posting: dict[str, str]) -> dict[str, str]:
    """A posting written in English only goes into the English fields, as a firm from abroad posts it."""
    texts = {"title": posting["title"], "description": posting["description"]}
    texts["requirements"] = posting.get("requirements") or ""
    if written_in(posting["description"]) == "zh":
        return texts
    return {"title": "", **{f"{name}_en": text for name, text in texts.items() if name != "title"}}


# Querying: swap for GET /api/jobs?q=... once it exists.


def search_external_ids(search: JobSearch, external_ids: dict[int, str], text: str, limit: int) -> list[str]:
    result = search.search(SearchQuery(text=text, per_page=limit), use_cache=False)
    return [external_ids[job_id] for job_id in result.job_ids if job_id in external_ids]


# Metrics


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    dcg = sum(grades.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum(grade / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int, capped: bool) -> float:
    wanted = {doc for doc, grade in grades.items() if grade >= 2}
    if not wanted:
        return 1.0
    found = len(wanted & set(ranked[:k]))
    return found / (min(k, len(wanted)) if capped else len(wanted))


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    for rank, doc in enumerate(ranked, start=1):
        if grades.get(doc, 0) >= 1:
            return 1.0 / rank
    return 0.0


def evaluate(queries: list[dict], run: Callable[[str, int], list[str]], show_misses: bool) -> dict[str, list]:
    rows: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
    for item in queries:
        ranked = run(item["query"], 20)
        grades = item["relevant"]
        scores = (
            ndcg(ranked, grades),
            recall(ranked, grades, K, capped=True),
            recall(ranked, grades, 20, capped=False),
            reciprocal_rank(ranked, grades),
        )
        rows[item["kind"]].append(scores)
        rows["overall"].append(scores)
        if show_misses:
            marks = " ".join(f"{doc}:{grades.get(doc, 0)}" for doc in ranked[:K])
            print(f"{scores[0]:.2f} [{item['kind']}] {item['query']}: {marks}")
    return rows


def print_table(rows: dict[str, list]) -> None:
    print(f"{'kind':<12}{'n':>3}  {'nDCG@10':>8}{'R@10':>8}{'R@20':>8}{'MRR':>8}")
    kinds = [*sorted(k for k in rows if k != "overall"), "overall"]
    for kind in kinds:
        values = rows[kind]
        means = [sum(v[i] for v in values) / len(values) for i in range(4)]
        print(f"{kind:<12}{len(values):>3}  " + "".join(f"{m:>8.3f}" for m in means))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-misses", action="store_true", help="print every query's top 10 with grades")
    args = parser.parse_args()
    queries = json.loads((args.data / "queries.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="relevance-") as folder:
        engine = create_db_engine(f"sqlite:///{folder}/board.sqlite3")
        SQLModel.metadata.create_all(engine)
        started = time.perf_counter()
        external_ids = load_postings(engine, args.data / "jobs.jsonl")
        JobIndexer(Path(folder) / "index", engine).drain()
        print(f"loaded and indexed {len(external_ids)} postings in {time.perf_counter() - started:.1f} s")
        search = JobSearch(Path(folder) / "index", engine)
        rows = evaluate(
            queries,
            lambda text, limit: search_external_ids(search, external_ids, text, limit),
            args.show_misses,
        )
        print_table(rows)
        search.close()
        engine.dispose()


if __name__ == "__main__":
    main()
