"""Searching a real index built from a real database."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine

from jobboard.companies.models import Segment
from jobboard.jobs.models import Education, JobType
from jobboard.search.index.indexer import JobIndexer
from jobboard.search.query.job_search import JobSearch, SearchQuery
from tests.search.board import add_company, add_job


@pytest.fixture
def board(engine: Engine, indexer: JobIndexer) -> dict[str, int]:
    optics = add_company(engine, "长春光华激光科技有限公司", segment=Segment.OPTICS)
    foreign = add_company(engine, "Delft Photonics B.V.", name_en="Delft Photonics", segment=Segment.OTHER)
    chips = add_company(engine, "吉林芯视半导体有限公司", segment=Segment.CHIPS)
    jobs = {
        "fiber": add_job(
            engine,
            optics,
            "光纤激光器研发工程师",
            description="负责高功率光纤激光器的光路设计与调试。",
            requirements="光学或物理专业，熟悉激光器原理。",
            salary_min=15000,
            salary_max=25000,
            education=Education.MASTER,
        ),
        "laser_en": add_job(
            engine,
            foreign,
            "Laser Engineer",
            title_en="Laser Engineer",
            city="Delft",
            description="Build and characterize ultrafast laser sources for photonics research.",
            requirements="MSc in physics or optics; hands-on laser alignment experience.",
            salary_min=40000,
            salary_max=60000,
            education=Education.MASTER,
        ),
        "optical_design": add_job(
            engine,
            optics,
            "光学设计工程师",
            description="负责成像镜头的光学设计与公差分析。",
            requirements="熟练使用Zemax。",
            salary_min=12000,
            salary_max=20000,
        ),
        "sensor": add_job(
            engine,
            chips,
            "CMOS图像传感器像素设计工程师",
            description="负责图像传感器像素与读出电路设计。",
            salary_min=20000,
            salary_max=35000,
            education=Education.PHD,
        ),
        "sales": add_job(
            engine,
            optics,
            "销售经理",
            description="负责激光设备在东北地区的销售。",
            job_type=JobType.FULL_TIME,
        ),
        "intern": add_job(
            engine,
            chips,
            "芯片测试实习生",
            description="协助晶圆测试与数据整理。",
            city="北京",
            job_type=JobType.INTERNSHIP,
            education=Education.BACHELOR,
        ),
    }
    indexer.drain()
    return {name: job.id for name, job in jobs.items() if job.id is not None}


def ids(search: JobSearch, text: str, **filters: object) -> list[int]:
    return search.search(SearchQuery(text=text, **filters)).job_ids  # type: ignore[arg-type]


def test_a_chinese_word_finds_it_inside_a_longer_title(search: JobSearch, board: dict[str, int]) -> None:
    found = ids(search, "激光")
    assert found[0] == board["fiber"]
    assert board["sensor"] not in found  # (the optical design job matches: its company makes lasers)


def test_english_finds_english(search: JobSearch, board: dict[str, int]) -> None:
    assert ids(search, "laser")[0] == board["laser_en"]


def test_traditional_chinese_finds_simplified_postings(search: JobSearch, board: dict[str, int]) -> None:
    assert board["fiber"] in ids(search, "雷射")  # Taiwanese wording, through the glossary
    assert ids(search, "光學設計")[0] == board["optical_design"]  # Traditional script


def test_english_finds_a_chinese_posting_without_english_title(
    search: JobSearch, board: dict[str, int]
) -> None:
    found = ids(search, "laser engineer")
    assert board["fiber"] in found
    assert board["laser_en"] in found


def test_synonyms_and_acronyms(search: JobSearch, board: dict[str, int]) -> None:
    assert ids(search, "影像传感器")[0] == board["sensor"]
    assert ids(search, "image sensor")[0] == board["sensor"]


def test_misspelled_english_returns_results_and_a_suggestion(
    search: JobSearch, board: dict[str, int]
) -> None:
    result = search.search(SearchQuery(text="lazer enginer"))
    assert board["laser_en"] in result.job_ids
    assert result.did_you_mean == "laser engineer"
    assert search.search(SearchQuery(text="laser engineer")).did_you_mean is None


def test_facet_counts_match_the_results(search: JobSearch, board: dict[str, int]) -> None:
    result = search.search(SearchQuery(text="工程师", per_page=100))
    assert result.total == len(result.job_ids) > 0
    for name, counts in result.facets.items():
        assert sum(facet.count for facet in counts) == result.total, name
    for facet in result.facets["city"]:
        filtered = search.search(SearchQuery(text="工程师", city=facet.value, per_page=100))
        assert filtered.total == facet.count
    assert {facet.value: facet.count for facet in result.facets["segment"]} == {
        "optics": 2,
        "chips": 1,
        "other": 1,
    }


def test_filters_and_sorts(search: JobSearch, board: dict[str, int]) -> None:
    assert ids(search, "", city="北京") == [board["intern"]]
    assert set(ids(search, "", salary_min=30000)) == {board["laser_en"], board["sensor"]}
    assert ids(search, "", job_type="internship") == [board["intern"]]
    assert set(ids(search, "", education="master")) == {board["fiber"], board["laser_en"]}
    by_salary = ids(search, "", sort="salary")
    assert by_salary[:3] == [board["laser_en"], board["sensor"], board["fiber"]]
    newest = ids(search, "")
    assert newest[0] == board["intern"] and len(newest) == len(board)


def test_empty_text_lists_every_job_newest_first(search: JobSearch, board: dict[str, int]) -> None:
    result = search.search(SearchQuery(text="   "))
    assert result.total == len(board)
    assert result.job_ids == sorted(board.values(), reverse=True)


def test_pagination(search: JobSearch, board: dict[str, int]) -> None:
    first = search.search(SearchQuery(text="", per_page=4, page=1))
    second = search.search(SearchQuery(text="", per_page=4, page=2))
    assert first.total == second.total == len(board)
    assert len(first.job_ids) == 4 and len(second.job_ids) == 2
    assert not set(first.job_ids) & set(second.job_ids)
    assert search.search(SearchQuery(page=10_000_000)).job_ids == []


def test_snippets_are_escaped_and_marked(engine: Engine, indexer: JobIndexer, search: JobSearch) -> None:
    company = add_company(engine)
    job = add_job(engine, company, "<b>激光</b>工程师", description='激光 <script>alert("x")</script> & 光学')
    indexer.drain()
    hit = search.search(SearchQuery(text="激光")).hits[0]
    assert hit.job_id == job.id
    assert hit.title_html == "&lt;b&gt;<mark>激光</mark>&lt;/b&gt;工程师"
    assert "<script>" not in hit.snippet_html and "&lt;script&gt;" in hit.snippet_html
    assert "<mark>激光</mark>" in hit.snippet_html


HOSTILE = [
    '"unbalanced',
    "(((",
    ")",
    "AND OR NOT",
    "*",
    "?",
    "~2",
    "^5",
    "title:激光",
    "laser AND",
    "NOT",
    "-激光",
    "+激光 -销售",
    "激光」「光学」",
    "【激光】，。！？",
    "a" * 1000,
    "激光" * 500,
    "\x00\n\t",
    "🙂🚀",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\\",
    "{}[]",
    "%_%",
    "laser~",
    "la*er",
    "[a TO z]",
    "\u200b",
    "ＡＮＤ",
    "foo:bar:baz",
    '"激光 工程师"',
    "((激光 OR 光学) AND NOT",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_never_raise(
    search: JobSearch, board: dict[str, int], text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="jobboard.search"):
        result = search.search(SearchQuery(text=text), use_cache=False)
    assert result.total >= 0
    assert not caplog.records  # answered by the search itself, not by its safety net


def test_results_follow_the_index_after_a_drain(
    engine: Engine, indexer: JobIndexer, search: JobSearch, board: dict[str, int]
) -> None:
    before = search.search(SearchQuery(text="光谱仪"))
    assert before.total == 0
    company = add_company(engine)
    job = add_job(engine, company, "光谱仪光学工程师")
    indexer.drain()
    assert search.search(SearchQuery(text="光谱仪")).job_ids == [job.id]  # cache keyed by index version


def test_no_index_means_no_results(tmp_path: object) -> None:
    search = JobSearch(str(tmp_path) + "/nothing-here")
    assert search.search(SearchQuery(text="激光")).total == 0
