"""A word found in most postings ranks them but does not admit a posting alone (issue 11, item 14)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from jobboard.search.index.indexer import JobIndexer
from jobboard.search.query.job_search import JobSearch, SearchQuery
from tests.search.board import add_company, add_job


@pytest.fixture
def engineers(engine: Engine, indexer: JobIndexer) -> dict[str, list[int]]:
    """20 postings with "engineer" (or 工程师, its glossary twin) and 3 about 光刻, one not an engineer's;
    11 mention optics and 11 lasers, 5 of them both."""
    company = add_company(engine, "长春测试光电有限公司")
    lithography = [
        add_job(engine, company, "光刻工艺工程师", description="负责光刻工艺的调试。Process engineer."),
        add_job(engine, company, "光刻工艺工程师", description="负责光刻胶工艺开发。"),
        add_job(engine, company, "光刻机操作员", description="负责光刻机的日常操作。"),
    ]
    others = [
        add_job(
            engine,
            company,
            "Test Engineer",
            title_en="Test Engineer",
            description=" ".join(
                ["Engineer for our test bench."]
                + (["Optics background."] if number < 11 else [])
                + (["Laser safety training."] if number >= 6 else [])
            ),
        )
        for number in range(17)
    ]
    indexer.drain()
    return {"lithography": [job.id or 0 for job in lithography], "others": [job.id or 0 for job in others]}


def found(search: JobSearch, text: str) -> list[int]:
    return search.search(SearchQuery(text=text, per_page=100)).job_ids


def test_a_common_word_does_not_admit_a_posting_alone(
    search: JobSearch, engineers: dict[str, list[int]]
) -> None:
    lithography = engineers["lithography"]
    result = found(search, "光刻 engineer")
    assert sorted(result) == sorted(lithography)
    assert result[-1] == lithography[2]  # the operator has 光刻 but is no engineer: last


def test_a_common_word_alone_still_finds_its_postings(
    search: JobSearch, engineers: dict[str, list[int]]
) -> None:
    assert len(found(search, "engineer")) == 19  # all but the operator


def test_a_query_of_common_words_only_is_answered_by_any_of_them(
    search: JobSearch, engineers: dict[str, list[int]]
) -> None:
    # optics (11 of 20) and laser (11 of 20) are both common; 5 postings have both, too few alone.
    result = found(search, "optics laser")
    assert sorted(result) == sorted(engineers["others"])
    both = set(engineers["others"][6:11])
    assert set(result[:5]) == both  # postings with every word first
