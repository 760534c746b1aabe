"""The public JSON API: shape, filters, bad input as problem bodies, hidden jobs never listed."""

from __future__ import annotations

import pytest

from tests.web.conftest import Fair, sync_index


def test_search_response_shape(fair: Fair) -> None:
    body = fair.seeker.get("/api/jobs", params={"q": "激光"}).json()
    assert {"total", "page", "per_page", "items"} <= body.keys()
    item = body["items"][0]
    assert {
        "id",
        "external_id",
        "title",
        "title_en",
        "company",
        "city",
        "salary_min",
        "salary_max",
        "url",
    } <= item.keys()
    assert item["url"].endswith(f"/jobs/{fair.job_id}")


def test_without_query_lists_public_jobs_newest_first(fair: Fair) -> None:
    second = fair.publish(fair.employer_b, "CMOS图像传感器设计工程师")
    items = fair.seeker.get("/api/jobs").json()["items"]
    assert [item["id"] for item in items] == [second, fair.job_id]


def test_filters(fair: Fair) -> None:
    fair.publish(
        fair.employer_b,
        "光学设计实习生",
        job_type="internship",
        education="master",
        city="北京",
        salary_min="4000",
        salary_max="6000",
    )
    api = fair.seeker.get
    assert [i["title"] for i in api("/api/jobs", params={"job_type": "internship"}).json()["items"]] == [
        "光学设计实习生"
    ]
    assert [i["title"] for i in api("/api/jobs", params={"city": "北京"}).json()["items"]] == [
        "光学设计实习生"
    ]
    assert [i["title"] for i in api("/api/jobs", params={"education": "master"}).json()["items"]] == [
        "光学设计实习生"
    ]
    assert [i["title"] for i in api("/api/jobs", params={"salary_min": 20000}).json()["items"]] == [
        "激光器研发工程师"
    ]
    assert [i["title"] for i in api("/api/jobs", params={"segment": "chips"}).json()["items"]] == [
        "光学设计实习生"
    ]


def test_job_detail_endpoint(fair: Fair) -> None:
    body = fair.seeker.get(f"/api/jobs/{fair.job_id}").json()
    assert body["title"] == "激光器研发工程师" and body["description"]
    assert fair.seeker.get("/api/jobs/999999").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"per_page": "1000"},
        {"segment": "moon"},
        {"salary_min": "-5"},
        {"education": "kindergarten"},
    ],
)
def test_bad_parameters_get_a_problem_body(fair: Fair, params: dict[str, str]) -> None:
    response = fair.seeker.get("/api/jobs", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 400


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "激光 AND",
        "OR OR NOT",
        "(((",
        "title:",
        "*",
        "laser~~~^2",
        "「激光」！？",
        "\\",
        "a" * 1000,
        "%00",
        "' OR 1=1 --",
    ],
)
def test_hostile_queries_answer_200(fair: Fair, q: str) -> None:
    assert fair.seeker.get("/api/jobs", params={"q": q}).status_code == 200
    assert fair.seeker.get("/jobs", params={"q": q}).status_code == 200


def test_hidden_job_never_listed_even_with_a_stale_index(fair: Fair) -> None:
    assert fair.employer_a.post(f"/employer/jobs/{fair.job_id}/close", {"confirm": "yes"}).status_code == 200
    # no sync: the index still holds the job, the database must hide it
    assert fair.seeker.get("/api/jobs", params={"q": "激光"}).json()["items"] == []
    sync_index(fair.app)
    assert fair.seeker.get("/api/jobs", params={"q": "激光"}).json()["items"] == []


def test_openapi_document_lists_the_job_api(fair: Fair) -> None:
    schema = fair.seeker.get("/api/docs/openapi.json").json()
    assert "/api/jobs" in schema["paths"] and "/api/jobs/{job_id}" in schema["paths"]


def test_salary_band_and_company_facets_filter_what_they_count(fair: Fair) -> None:
    fair.publish(
        fair.employer_b, "光学设计实习生", job_type="internship", salary_min="4000", salary_max="6000"
    )
    body = fair.seeker.get("/api/jobs").json()
    bands = {bucket["value"]: bucket["count"] for bucket in body["facets"]["salary_band"]}
    companies = {bucket["value"]: bucket["count"] for bucket in body["facets"]["company_id"]}
    for band, count in bands.items():
        assert fair.seeker.get("/api/jobs", params={"salary_band": band}).json()["total"] == count
    for company_id, count in companies.items():
        assert fair.seeker.get("/api/jobs", params={"company": company_id}).json()["total"] == count
    assert bands == {"lt10k": 1, "20k-30k": 1}
    assert fair.seeker.get("/api/jobs", params={"salary_band": "huge"}).status_code == 400
    page = fair.seeker.get("/jobs", headers={"Accept-Language": "zh"}).text
    assert "长春乙芯片有限公司" in page and "salary_band=lt10k" in page


def test_salary_band_names_match_the_index_bands() -> None:
    from typing import get_args

    from jobboard.search.controllers import SalaryBandName
    from jobboard.search.index.documents import SALARY_BANDS

    assert get_args(SalaryBandName) == tuple(band.key for band in SALARY_BANDS)
