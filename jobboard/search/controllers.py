"""The search page and the public JSON API over public jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from litestar import Controller, MediaType, get
from litestar.params import FromPath, FromQuery, QueryParameter
from litestar.response import Response, Template
from sqlmodel import Session

from jobboard.accounts.guards import VisitorRequest
from jobboard.companies.models import Company, Segment
from jobboard.core.columns import LARGEST_INTEGER
from jobboard.core.errors import InvalidInput
from jobboard.jobs.models import Education, Job, JobType
from jobboard.jobs.services import JobService
from jobboard.search.dependencies import SearchCounts, SearchIndex
from jobboard.search.index.documents import SALARY_BANDS
from jobboard.search.query.job_search import JobSearch
from jobboard.search.query.results import MAX_QUERY_LENGTH, SORTS, SearchQuery, Sort
from jobboard.search.service import FACET_LIMIT, company_names, count_search, run_search
from jobboard.web.dependencies import BoardSettings, DbSession
from jobboard.web.errors import problem_responses
from jobboard.web.forms import optional_choice, optional_int
from jobboard.web.fragments import KeptParts, PagePart, PageParts, part_key, render_part

SEGMENTS, EDUCATIONS, JOB_TYPES = list(Segment), list(Education), list(JobType)

Text = Annotated[
    str, QueryParameter(max_length=MAX_QUERY_LENGTH * 4, description="Words in Chinese or English")
]
Page = Annotated[int, QueryParameter(ge=1, le=1000)]
PerPage = Annotated[int, QueryParameter(ge=1, le=100)]
CompanyId = Annotated[int | None, QueryParameter(ge=1, le=LARGEST_INTEGER)]
SALARY_BAND_NAMES = tuple(band.key for band in SALARY_BANDS)
SalaryBandName = Literal["negotiable", "lt10k", "10k-15k", "15k-20k", "20k-30k", "30k-50k", "50k+"]
Salary = Annotated[
    int | None,
    QueryParameter(
        ge=0,
        le=1_000_000,
        schema_extra={"minimum": 0},  # Litestar leaves a bound of 0 out of the document
        description="Monthly CNY the job's salary range reaches: its maximum is at least this",
    ),
]


@dataclass
class JobSummary:
    id: int
    external_id: str | None
    title: str
    title_en: str
    company: str
    company_en: str
    city: str
    salary_min: int | None
    salary_max: int | None
    salary_months: int
    url: str


@dataclass
class JobSearchPage:
    total: int
    page: int
    per_page: int
    items: list[JobSummary]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    did_you_mean: str | None = None


@dataclass
class JobDetail(JobSummary):
    description: str = ""
    requirements: str = ""
    description_en: str = ""
    requirements_en: str = ""
    job_type: str = ""
    education: str = ""
    experience: str = ""
    majors: str = ""
    headcount: int = 1
    deadline: str | None = None
    booth: str = ""
    segment: str = ""


def _summary(job: Job, company: Company, base_url: str) -> JobSummary:
    return JobSummary(
        id=job.id or 0,
        external_id=job.external_id,
        title=job.title,
        title_en=job.title_en,
        company=company.name_zh,
        company_en=company.name_en,
        city=job.city,
        salary_min=job.salary_min,
        salary_max=job.salary_max,
        salary_months=job.salary_months,
        url=f"{base_url}/jobs/{job.id}",
    )


def _salary_band(value: str) -> str | None:
    if value and value not in SALARY_BAND_NAMES:
        raise InvalidInput({"salary_band": "enum"})
    return value or None


def _render_results(
    request: VisitorRequest, search: JobSearch, db_session: Session, query: SearchQuery
) -> PagePart:
    result, rows = run_search(search, db_session, query)
    return render_part(
        request,
        "search/_results.html",
        {
            "query": query,
            "result": result,
            "rows": rows,
            "highlights": {hit.job_id: hit.snippet_html for hit in result.hits},
            "company_names": company_names(db_session, result),
            "facet_limit": FACET_LIMIT,
        },
        facts={"total": result.total},
    )


def form_part(request: VisitorRequest, page_parts: PageParts, query: SearchQuery) -> PagePart:
    key = part_key(request, "search-form", None)  # the form shows what was asked, whatever the index holds
    part = page_parts.get(key)
    if part is None:
        context = {"query": query, "segments": SEGMENTS, "educations": EDUCATIONS, "job_types": JOB_TYPES}
        part = render_part(request, "search/_form.html", context)
        page_parts.put(key, part)
    return part


class SearchPageController(Controller):
    include_in_schema = False

    @get(["/", "/jobs"], name="search")
    async def search_page(
        self,
        request: VisitorRequest,
        db_session: DbSession,
        search: SearchIndex,
        search_tally: SearchCounts,
        page_parts: KeptParts,
        q: Text = "",
        city: FromQuery[str] = "",
        segment: FromQuery[str] = "",
        education: FromQuery[str] = "",
        job_type: FromQuery[str] = "",
        salary_min: FromQuery[str] = "",
        sort: FromQuery[str] = "relevance",
        page: Page = 1,
        company: FromQuery[str] = "",
        salary_band: FromQuery[str] = "",
    ) -> Template | Response[str]:
        # A plain HTML form sends untouched filters as empty strings: they mean "any".
        query = SearchQuery(
            text=q[:MAX_QUERY_LENGTH],
            city=city or None,
            segment=optional_choice("segment", Segment, segment),
            education=optional_choice("education", Education, education),
            job_type=optional_choice("job_type", JobType, job_type),
            salary_min=optional_int("salary_min", salary_min),
            salary_band=_salary_band(salary_band),
            company_id=optional_int("company", company),
            sort=sort if sort in SORTS else "relevance",
            page=page,
        )
        # The results as rendered for an earlier visitor while the index has not changed; the session
        # connects only when they have to be rendered.
        key = part_key(request, "search-results", search.version())
        results = await page_parts.kept(key, _render_results, request, search, db_session, query)
        count_search(search_tally, query, results.facts["total"])
        if request.headers.get("x-live-search"):  # static/js/live-search.js: the results alone
            return Response(results.html, media_type=MediaType.HTML)
        return Template(
            "search/results.html",
            context={
                "query_text": query.text,
                "search_form": form_part(request, page_parts, query).html,
                "results": results.html,
            },
        )


class JobApiController(Controller):
    path = "/api/jobs"
    tags = ["jobs"]

    @get("/", sync_to_thread=True, summary="Search public jobs", responses=problem_responses(400, 429, 503))
    def list_jobs(
        self,
        db_session: DbSession,
        settings: BoardSettings,
        search: SearchIndex,
        search_tally: SearchCounts,
        q: Text = "",
        city: FromQuery[str | None] = None,
        segment: FromQuery[Segment | None] = None,
        education: FromQuery[Education | None] = None,
        job_type: FromQuery[JobType | None] = None,
        salary_min: Salary = None,
        sort: FromQuery[Sort] = "relevance",
        page: Page = 1,
        per_page: PerPage = 20,
        company: CompanyId = None,
        salary_band: FromQuery[SalaryBandName | None] = None,
    ) -> JobSearchPage:
        """Full-text search in Chinese and English with filters; without `q`, public jobs newest first."""
        query = SearchQuery(
            text=q[:MAX_QUERY_LENGTH],
            city=city,
            segment=segment,
            education=education,
            job_type=job_type,
            salary_min=salary_min,
            salary_band=salary_band,
            company_id=company,
            sort=sort,
            page=page,
            per_page=per_page,
        )
        result, rows = run_search(search, db_session, query)
        count_search(search_tally, query, result.total)
        return JobSearchPage(
            total=result.total,
            page=page,
            per_page=per_page,
            items=[_summary(job, company_row, settings.base_url) for job, company_row in rows],
            facets=result.facets_as_dict(),
            did_you_mean=result.did_you_mean,
        )

    @get(
        "/{job_id:int}",
        sync_to_thread=True,
        summary="One public job",
        responses=problem_responses(400, 404, 429, 503),
    )
    def get_job(self, db_session: DbSession, settings: BoardSettings, job_id: FromPath[int]) -> JobDetail:
        job, company = JobService(db_session).get_public(job_id)
        summary = _summary(job, company, settings.base_url)
        return JobDetail(
            **summary.__dict__,
            description=job.description,
            requirements=job.requirements,
            description_en=job.description_en,
            requirements_en=job.requirements_en,
            job_type=str(job.job_type),
            education=str(job.education),
            experience=str(job.experience),
            majors=job.majors,
            headcount=job.headcount,
            deadline=job.deadline.isoformat() if job.deadline else None,
            booth=company.booth,
            segment=str(company.segment),
        )
