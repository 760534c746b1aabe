"""The search page says what it does: the salary filter's rule, pages past the end, the title a live
update sets, and Chinese punctuation on Chinese pages (issue 11, items 13 and 14)."""

from __future__ import annotations

import re

import pytest

from jobboard.search.query.results import MAX_RESULTS_DEPTH, SearchResult
from tests.pages.page_text import page_text
from tests.web.conftest import Fair

ENGLISH = {"lang": "en"}
TITLE = "激光器研发工程师"  # the fair fixture's published job, 15,000–25,000 a month


def _results(html: str) -> str:
    return html[html.index('<div id="results">') :]


def test_the_salary_filter_keeps_jobs_whose_range_reaches_it_and_says_so(fair: Fair) -> None:
    fair.publish(fair.employer_b, "光学设计工程师", salary_min="20000", salary_max="35000")
    page = fair.seeker.get("/jobs", params={"salary_min": "30000"}).text
    assert "月薪可达（元）" in page and "最低月薪" not in page
    assert "光学设计工程师" in _results(page) and TITLE not in _results(page)  # 25,000 does not reach it
    english = fair.seeker.get("/jobs", params={"salary_min": "30000", **ENGLISH}).text
    assert "Monthly salary can reach (CNY)" in english
    api = fair.seeker.get("/api/jobs", params={"salary_min": "30000"}).json()
    assert [item["title"] for item in api["items"]] == ["光学设计工程师"]
    schema = fair.seeker.get("/api/docs/openapi.json").json()
    described = [p for p in schema["paths"]["/api/jobs"]["get"]["parameters"] if p["name"] == "salary_min"]
    assert "range reaches" in described[0]["description"]


@pytest.mark.parametrize("params", [{}, {"q": "激光器"}])
def test_a_page_past_the_last_says_so_and_links_back(fair: Fair, params: dict[str, str]) -> None:
    page = _results(fair.seeker.get("/jobs", params={**params, "page": "999"}).text)
    assert "这一页已超出搜索结果的最后一页" in page
    assert "减少关键词" not in page  # there was nothing wrong with the words
    back = "/jobs?q=%E6%BF%80%E5%85%89%E5%99%A8" if params else "/jobs?"
    assert f'<a href="{back}">回到第一页</a>' in page
    assert 'rel="prev"' not in page and 'rel="next"' not in page


def test_nothing_found_says_why(fair: Fair) -> None:
    words = _results(fair.seeker.get("/jobs", params={"q": "太赫兹"}).text)
    assert "减少关键词" in words and "超出" not in words
    filters = _results(fair.seeker.get("/jobs", params={"city": "拉萨", **ENGLISH}).text)
    assert "No job matches these filters." in filters and "fewer or other words" not in filters
    assert '<a href="/jobs?lang=en">Clear filters</a>' not in filters  # the language is not a filter
    assert re.search(r'<a href="/jobs\?">Clear filters</a>', filters)


def test_the_last_page_counts_full_pages_up_to_the_depth_served() -> None:
    def last(total: int) -> int:
        return SearchResult([], [], total, 1, 20).last_page

    assert (last(0), last(1), last(20), last(21), last(45)) == (1, 1, 1, 2, 3)
    assert last(MAX_RESULTS_DEPTH * 3) == MAX_RESULTS_DEPTH // 20


def test_the_results_part_carries_the_pages_title(fair: Fair) -> None:
    for params in ({"q": "激光器"}, {"q": "激光器", **ENGLISH}, {}):
        page = fair.seeker.get("/jobs", params=params).text
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        live = fair.seeker.get("/jobs", params=params, headers={"X-Live-Search": "1"}).text
        carried = re.search(r'data-title="([^"]*)"', live)
        assert title and carried and " ".join(title.group(1).split()) == carried.group(1)
        assert ("激光器" in carried.group(1)) == ("q" in params)


def test_did_you_mean_reads_as_a_sentence_in_each_language(fair: Fair) -> None:
    fair.publish(fair.employer_b, "激光工程师", title_en="Laser Engineer")
    chinese = fair.seeker.get("/jobs", params={"q": "lazer"}).text
    assert re.search(r"<p>您是不是要找：<a [^>]*>laser</a>？</p>", chinese)
    english = fair.seeker.get("/jobs", params={"q": "lazer", **ENGLISH}).text
    assert re.search(r"<p>Did you mean <a [^>]*>laser</a>\?</p>", english)


@pytest.mark.parametrize(
    "params", [{"q": "lazer"}, {"page": "999"}, {"city": "拉萨"}, {"q": "激光器", "salary_min": "30000"}]
)
def test_chinese_search_pages_use_full_width_punctuation(fair: Fair, params: dict[str, str]) -> None:
    fair.publish(fair.employer_b, "激光工程师", title_en="Laser Engineer")
    text = page_text(fair.seeker.get("/jobs", params=params).text)
    written = [chunk.text for chunk in text.chunks if chunk.lang.startswith("zh")]
    assert written and not [chunk for chunk in written if re.search(r"[:?()!;]", chunk)]
