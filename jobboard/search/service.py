"""What a search asks of the board, without HTTP: ids from the index in rank order, rows from the
database (which alone decides what is public), names for the company facet, and the count of it."""

from __future__ import annotations

from sqlmodel import Session

from jobboard.companies.models import Company
from jobboard.companies.services import CompanyService
from jobboard.jobs.models import Job
from jobboard.jobs.services import JobService
from jobboard.search.query.job_search import JobSearch
from jobboard.search.query.results import SearchQuery, SearchResult
from jobboard.search.stats import SearchTally
from jobboard.web.templates import bilingual

FACET_LIMIT = 12  # values shown per facet


def run_search(
    search: JobSearch, db_session: Session, query: SearchQuery
) -> tuple[SearchResult, list[tuple[Job, Company]]]:
    """Ids come from the index in rank order; rows from the database, which alone decides what is public."""
    result = search.search(query)
    public = JobService(db_session).public_by_ids([hit.job_id for hit in result.hits])
    return result, [public[hit.job_id] for hit in result.hits if hit.job_id in public]


def company_names(db_session: Session, result: SearchResult) -> dict[str, str]:
    """Names for the company facet (the buckets shown), whose values are ids."""
    ids = [int(bucket.value) for bucket in result.facets.get("company_id", [])[:FACET_LIMIT]]
    return {
        str(company.id): bilingual(company.name_zh, company.name_en)
        for company in CompanyService(db_session).by_ids(ids)
    }


def count_search(tally: SearchTally, query: SearchQuery, total: int) -> None:
    """Counts a first page of results asked with words: the words and a count, never who asked."""
    if query.page == 1 and query.text:
        tally.count(query.text, total)
