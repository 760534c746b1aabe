"""What search engines and chat apps read: JobPosting JSON-LD, Open Graph, the sitemap and the Atom feed."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.pages.conftest import PENDING_JOB, Board
from tests.pages.page_text import page_text
from tests.web.conftest import BASE_URL, sync_index

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
CREDENTIALS = {
    "high school",
    "associate degree",
    "bachelor degree",
    "professional certificate",
    "postgraduate degree",
}
SALARY_UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}


def _typed(value: Any, schema_type: str, where: str) -> dict[str, Any]:
    assert isinstance(value, dict), f"{where} must be an object"
    assert value.get("@type") == schema_type, f"{where} must be a {schema_type}, is {value.get('@type')}"
    return value


def _moment(value: Any, where: str) -> datetime:
    assert isinstance(value, str), f"{where} must be an ISO 8601 string"
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None, f"{where} must carry its time zone"
    return moment


def job_posting_problems(data: Any) -> list[str]:
    """Checks a JobPosting against schema.org and the properties Google requires and recommends."""
    problems: list[str] = []
    try:
        assert isinstance(data, dict), "the JSON-LD must be one object"
        assert "schema.org" in str(data.get("@context")), "@context must be schema.org"
        assert data.get("@type") == "JobPosting", "@type must be JobPosting"
        for name in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
            assert data.get(name), f"required property {name} is missing"
        assert isinstance(data["title"], str) and isinstance(data["description"], str)
        posted = _moment(data["datePosted"], "datePosted")
        organization = _typed(data["hiringOrganization"], "Organization", "hiringOrganization")
        assert isinstance(organization.get("name"), str) and organization["name"], (
            "hiringOrganization needs a name"
        )
        places = data["jobLocation"] if isinstance(data["jobLocation"], list) else [data["jobLocation"]]
        for place in places:
            address = _typed(
                _typed(place, "Place", "jobLocation")["address"], "PostalAddress", "jobLocation.address"
            )
            assert address.get("addressLocality"), "the address needs a locality"
            assert re.fullmatch(r"[A-Z]{2}", address.get("addressCountry", "")), (
                "addressCountry: ISO 3166 code"
            )
        if "validThrough" in data:
            assert _moment(data["validThrough"], "validThrough") >= posted, "validThrough before datePosted"
        if "baseSalary" in data:
            salary = _typed(data["baseSalary"], "MonetaryAmount", "baseSalary")
            assert re.fullmatch(r"[A-Z]{3}", salary.get("currency", "")), "baseSalary.currency: ISO 4217 code"
            value = _typed(salary["value"], "QuantitativeValue", "baseSalary.value")
            assert value.get("unitText") in SALARY_UNITS, "baseSalary.value.unitText"
            low, high = value.get("minValue", value.get("value")), value.get("maxValue", value.get("value"))
            assert isinstance(low, int | float) and isinstance(high, int | float) and low <= high
        if "employmentType" in data:
            kinds = (
                data["employmentType"]
                if isinstance(data["employmentType"], list)
                else [data["employmentType"]]
            )
            assert set(kinds) <= EMPLOYMENT_TYPES, f"employmentType {kinds}"
        if "educationRequirements" in data:
            education = data["educationRequirements"]
            if education != "no requirements":
                credential = _typed(education, "EducationalOccupationalCredential", "educationRequirements")
                assert credential.get("credentialCategory") in CREDENTIALS, "credentialCategory"
        if "experienceRequirements" in data and data["experienceRequirements"] != "no requirements":
            experience = _typed(
                data["experienceRequirements"], "OccupationalExperienceRequirements", "experienceRequirements"
            )
            assert isinstance(experience.get("monthsOfExperience"), int | float)
    except (AssertionError, KeyError, ValueError, TypeError) as error:
        problems.append(str(error) or repr(error))
    return problems


def _json_ld(board: Board, job_id: int, lang: str = "zh") -> dict[str, Any]:
    response = board.anonymous.get(f"/jobs/{job_id}?lang={lang}")
    assert response.status_code == 200
    found = page_text(response.text).json_ld
    assert len(found) == 1, "one JSON-LD block on a job page"
    return found[0]  # type: ignore[return-value]


def test_job_page_json_ld_is_a_valid_job_posting(board: Board) -> None:
    data = _json_ld(board, board.job_id)
    assert job_posting_problems(data) == []
    assert data["title"] == "激光器研发工程师"
    assert data["hiringOrganization"]["name"] == "长春甲光电有限公司"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 15000,
        "maxValue": 25000,
        "unitText": "MONTH",
    }
    assert data["baseSalary"]["currency"] == "CNY"
    assert data["employmentType"] == "FULL_TIME"
    assert data["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert data["url"] == f"{BASE_URL}/jobs/{board.job_id}"
    assert "validThrough" not in data  # no deadline given


def test_json_ld_with_deadline_negotiable_salary_and_hostile_text(board: Board) -> None:
    deadline = date.today() + timedelta(days=30)
    hostile = '</script><script>alert("x")</script> & <b>'
    job_id = board.publish(
        "实习生（面议）",
        description=hostile,
        salary_min="",
        salary_max="",
        job_type="internship",
        education="master",
        experience="3-5",
        deadline=deadline.isoformat(),
    )
    response = board.anonymous.get(f"/jobs/{job_id}")
    assert "<script>alert" not in response.text, "the description must not break out of the JSON-LD"
    data = page_text(response.text).json_ld[0]
    assert job_posting_problems(data) == []
    assert data["description"].startswith(hostile)  # the text survives, escaped
    assert "baseSalary" not in data  # 面议: no made-up numbers
    assert data["employmentType"] == "INTERN"
    assert data["educationRequirements"]["credentialCategory"] == "postgraduate degree"
    assert data["experienceRequirements"]["monthsOfExperience"] == 36
    assert data["validThrough"].startswith(deadline.isoformat()) and data["validThrough"].endswith("+08:00")


def test_the_validator_notices_missing_properties() -> None:
    assert job_posting_problems({"@context": "https://schema.org/", "@type": "JobPosting", "title": "x"})
    assert job_posting_problems([]) != []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_open_graph_tags_name_the_job_and_the_firm(board: Board, lang: str) -> None:
    html = board.anonymous.get(f"/jobs/{board.job_id}?lang={lang}").text
    tags = dict(re.findall(r'<meta property="(og:[\w:]+)" content="([^"]*)"', html))
    assert "激光器研发工程师" in tags["og:title"] and "长春甲光电有限公司" in tags["og:title"]
    assert tags["og:url"] == f"{BASE_URL}/jobs/{board.job_id}"
    assert tags["og:type"] == "website" and tags["og:site_name"]
    assert tags["og:locale"] == ("en_US" if lang == "en" else "zh_CN")
    assert ("CNY 15k–25k a month, 14 months" if lang == "en" else "15-25K·14薪") in tags["og:description"]
    assert f'<link rel="canonical" href="{BASE_URL}/jobs/{board.job_id}">' in html


def test_sitemap_lists_public_pages_only(board: Board) -> None:
    response = board.anonymous.get("/sitemap.xml")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    assert f"{BASE_URL}/jobs" in locations
    assert (
        f"{BASE_URL}/jobs/{board.job_id}" in locations and f"{BASE_URL}/jobs/{board.open_job_id}" in locations
    )
    assert f"{BASE_URL}/jobs/{board.pending_job_id}" not in locations
    assert f"{BASE_URL}/companies/{board.company_id}" in locations
    assert all(location.startswith(BASE_URL) for location in locations)
    for url in root.iter(f"{SITEMAP}url"):
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        assert lastmod is None or date.fromisoformat(lastmod)
        alternates = url.findall("{http://www.w3.org/1999/xhtml}link")
        assert {link.get("hreflang") for link in alternates} == {"zh-CN", "en"}
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in board.anonymous.get("/robots.txt").text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_atom_feed_of_new_jobs_parses(board: Board, lang: str) -> None:
    board.publish("英文岗位", title_en="Optical Engineer", description="控制字符\x0b不应破坏 XML。")
    response = board.anonymous.get(f"/feed.atom?lang={lang}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == ("en" if lang == "en" else "zh-CN")
    for name in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{name}"), f"feed/{name}"
    datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert len(entries) == 3 and not any(PENDING_JOB in title for title in titles)
    assert any(title.startswith("Optical Engineer" if lang == "en" else "英文岗位") for title in titles)
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith(f"{BASE_URL}/jobs/")
        assert entry.find(f"{ATOM}link").get("href").startswith(f"{BASE_URL}/jobs/")
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
    summaries = " ".join(entry.findtext(f"{ATOM}summary") for entry in entries)
    assert ("CNY 15k–25k a month, 14 months" if lang == "en" else "15-25K·14薪") in summaries


def test_feed_and_sitemap_follow_what_is_public(board: Board) -> None:
    assert (
        board.employer.post(f"/employer/jobs/{board.open_job_id}/close", {"confirm": "yes"}).status_code
        == 200
    )
    sync_index(board.app)
    assert f"/jobs/{board.open_job_id}<" not in board.anonymous.get("/sitemap.xml").text
    assert f"/jobs/{board.open_job_id}<" not in board.anonymous.get("/feed.atom").text
