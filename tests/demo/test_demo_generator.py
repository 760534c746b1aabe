"""The demo job table: deterministic, about 300 valid postings covering every segment and option."""

from __future__ import annotations

import re

import pytest

from jobboard.companies.models import Segment
from jobboard.demo.catalog import FIRMS, PENDING_FIRMS, TEMPLATES
from jobboard.demo.generator import COLUMNS, generate_job_table
from jobboard.jobs.models import Education, JobPosting, JobType

Row = dict[str, object]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def table() -> list[Row]:
    return generate_job_table()


def test_the_same_seed_gives_the_same_table(table: list[Row]) -> None:
    assert generate_job_table(2026) == table
    assert generate_job_table(7) == generate_job_table(7)
    assert generate_job_table(7) != table


def test_about_three_hundred_postings_with_the_import_columns(table: list[Row]) -> None:
    assert 280 <= len(table) <= 320
    assert all(tuple(row) == COLUMNS for row in table)


def test_external_ids_are_unique_and_numbered(table: list[Row]) -> None:
    ids = [row["external_id"] for row in table]
    assert len(set(ids)) == len(ids)
    assert all(isinstance(i, str) and re.fullmatch(r"DEMO-\d{4}", i) for i in ids)
    assert ids[0] == "DEMO-0001"


def test_every_segment_education_and_job_type_occurs(table: list[Row]) -> None:
    segments = {row["segment"] for row in table}
    assert {"chips", "optics", "satellites", "automotive", "networks"} <= segments
    assert segments <= {segment.value for segment in Segment}
    assert {row["education"] for row in table} == {value.value for value in Education}
    assert {row["job_type"] for row in table} == {value.value for value in JobType}


def test_salary_ranges_are_ordered_or_negotiable(table: list[Row]) -> None:
    negotiable = 0
    for row in table:
        low, high = row["salary_min"], row["salary_max"]
        if low is None or high is None:
            assert low is None and high is None, row["external_id"]
            negotiable += 1
        else:
            assert isinstance(low, int) and isinstance(high, int)
            assert 1000 <= low <= high, row["external_id"]
    assert 0 < negotiable < len(table) // 4  # some 面议, most with a range


def test_every_row_is_a_valid_job_posting(table: list[Row]) -> None:
    fields = set(JobPosting.model_fields)
    for row in table:
        posting = JobPosting.model_validate({name: value for name, value in row.items() if name in fields})
        chinese = (posting.title, posting.description, posting.requirements)
        english = (posting.title_en, posting.description_en, posting.requirements_en)
        assert all(chinese) or all(english)
        assert posting.contact_email.endswith((".example.cn", ".example.com"))


def test_postings_differ_from_each_other(table: list[Row]) -> None:
    texts = [_texts(row) for row in table]
    assert len(set(texts)) == len(table)
    assert len({description for _title, description, _requirements in texts}) > 0.95 * len(table)


def _texts(row: Row) -> tuple[str, str, str]:
    """The posting's title, description and requirements, in the language it has them in."""
    if row["title"]:
        return row["title"], row["description"], row["requirements"]
    return row["title_en"], row["description_en"], row["requirements_en"]


def test_rows_name_catalogue_firms_with_their_booth_and_segment(table: list[Row]) -> None:
    firms = {firm.import_name: firm for firm in FIRMS}
    for row in table:
        firm = firms[str(row["company"])]
        assert row["booth"] == firm.booth and row["segment"] == firm.segment
        assert row["city"] in (firm.city, *firm.branches)
    assert {row["company"] for row in table} == set(firms)


def test_foreign_firms_post_in_english_and_the_others_in_chinese(table: list[Row]) -> None:
    foreign = {firm.import_name for firm in FIRMS if firm.foreign}
    for row in table:
        text = f"{row['title_en']}{row['description_en']}{row['requirements_en']}"
        if row["company"] in foreign:  # in the English fields only
            assert not (row["title"] or row["description"] or row["requirements"]), row["external_id"]
            assert row["title_en"] and row["description_en"] and not CJK.search(text), row["external_id"]
        else:
            assert CJK.search(str(row["title"])) and CJK.search(str(row["description"])), row["external_id"]
            assert str(row["title_en"]).isascii() and row["title_en"], row["external_id"]


def test_titles_typical_of_the_fair_are_there(table: list[Row]) -> None:
    titles = " ".join(str(row["title"]) for row in table)
    typical = (
        "激光器研发工程师",
        "光学设计工程师",
        "CMOS图像传感器",
        "卫星载荷工程师",
        "激光雷达系统工程师",
        "光模块测试工程师",
        "FPGA工程师",
        "嵌入式软件工程师",
        "销售工程师",
        "人力资源专员",
        "实习生",
        "校招",
    )
    for word in typical:
        assert word in titles, word


def test_catalogue_shape() -> None:
    assert 35 <= len(FIRMS) <= 45
    everyone = FIRMS + PENDING_FIRMS
    for attribute in ("key", "name_zh", "name_en", "booth"):
        values = [getattr(firm, attribute) for firm in everyone]
        assert len(set(values)) == len(values), attribute
    assert 2 <= sum(firm.foreign for firm in FIRMS) <= 3
    assert {firm.segment for firm in FIRMS} == {segment.value for segment in Segment}
    assert sum(firm.city == "长春" for firm in FIRMS) > len(FIRMS) / 2
    for firm in everyone:
        assert re.fullmatch(r"[A-F]\d-\d{3}", firm.booth) and firm.hall == firm.booth[:2]
        assert re.fullmatch(r"https://www\.[a-z0-9-]+\.example\.(cn|com)", firm.website)
        assert CJK.search(firm.name_zh) and firm.name_en.isascii()
        assert firm.about_zh and firm.about_en
        assert firm.template_pool in TEMPLATES
