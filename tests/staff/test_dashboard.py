"""The fair at a glance: every number on the staff overview is the database's."""

from __future__ import annotations

import re

from sqlalchemy import func, inspect
from sqlmodel import col, select

from jobboard.applications.models import Application
from jobboard.companies.models import Company, CompanyStatus, Segment
from jobboard.core.clock import fair_today
from jobboard.core.i18n import locale_scope
from jobboard.jobs.models import Job, JobStatus
from jobboard.search.models import SearchQueryDay
from jobboard.search.stats import normalise_query, record_search
from jobboard.staff.charts import Bar, columns, horizontal_bars
from jobboard.staff.services import fair_overview
from tests.staff.conftest import Fair, counted, db


def busier_fair(fair: Fair, visitor) -> None:
    """Firm A gets a second, unapplied job; one more firm waits for approval; visitors search."""
    fair.publish(fair.employer_a, "光学设计工程师")
    fair.employer_a.post_job("待审核的岗位")
    visitor().register_employer("hr@c.example.cn", "长春丙卫星有限公司", segment="satellites")
    with db(fair.app) as session:
        for text, found in (("激光", 3), ("激光 ", 2), ("ＬＡＳＥＲ", 0), ("量子通信", 0), ("量子通信", 0)):
            record_search(session, text, found)


def test_dashboard_counts_match_the_database(fair: Fair, visitor) -> None:
    busier_fair(fair, visitor)
    html = fair.staff.get("/staff").text
    with db(fair.app) as session:
        for status in CompanyStatus:
            expected = session.exec(select(func.count()).where(Company.status == status)).one()
            assert counted(html, "status", str(status)) == expected, status
        jobs_html = html.split('data-section="jobs"', 1)[1]
        for status in JobStatus:
            expected = session.exec(select(func.count()).where(Job.status == status)).one()
            assert counted(jobs_html, "status", str(status)) == expected, status
        applications = session.exec(select(func.count(col(Application.id)))).one()
        assert counted(html, "count", "applications") == applications == 1
        published = session.exec(select(Job).where(Job.status == JobStatus.PUBLISHED)).all()
        applied = set(session.exec(select(Application.job_id)).all())
        unapplied = [job.id for job in published if job.id not in applied]
        assert counted(html, "count", "unapplied") == len(unapplied) == 1
        assert sorted(int(n) for n in re.findall(r'<tr data-job="(\d+)"', html)) == unapplied
    assert counted(html, "count", "searches") == 5
    assert counted(html, "count", "zero-searches") == 3
    assert counted(html, "status", "pending") == 1


def test_overview_service_agrees_with_plain_queries(fair: Fair, visitor) -> None:
    busier_fair(fair, visitor)
    with db(fair.app) as session:
        overview = fair_overview(session)
        assert overview.applications_by_day == [(fair_today(), 1)]
        assert overview.applications_by_segment[Segment.OPTICS] == 1
        assert sum(overview.applications_by_segment.values()) == 1
        firm_a = session.exec(select(Company).where(Company.name_zh == "长春甲光电有限公司")).one()
        assert [(firm.company_id, firm.applications) for firm in overview.top_firms] == [(firm_a.id, 1)]
        queries = {item.query: (item.searches, item.zero_results) for item in overview.searches.top_queries}
        assert queries == {"激光": (2, 0), "laser": (1, 1), "量子通信": (2, 2)}
        assert [item.query for item in overview.searches.zero_result_queries] == ["量子通信", "laser"]


def test_dashboard_charts_are_accessible_svg(fair: Fair) -> None:
    html = fair.staff.get("/staff").text
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", html, re.S)
    assert len(charts) == 4
    for chart in charts:
        assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    assert "<script" not in html and "cdn" not in html.lower()


def test_queries_are_normalised_and_personal_data_masked() -> None:
    assert normalise_query("  ＬＡＳＥＲ   激光 ") == "laser 激光"
    assert normalise_query("王芳 13800138000") == "王芳 [number]"
    assert normalise_query("wang@example.cn 简历") == "[email] 简历"
    assert normalise_query("15000-25000") == "15000-25000"
    assert normalise_query("   ") == ""


def test_search_table_keeps_only_words_day_and_counts(fair: Fair) -> None:
    with db(fair.app) as session:
        for _ in range(3):
            record_search(session, "光学", 4)
        record_search(session, "", 0)
        rows = session.exec(select(SearchQueryDay)).all()
        assert [(row.query, row.day, row.searches, row.zero_results) for row in rows] == [
            ("光学", fair_today(), 3, 0)
        ]
        columns_ = {column["name"] for column in inspect(session.connection()).get_columns("search_queries")}
        assert columns_ == {"id", "day", "query", "searches", "zero_results"}


def test_charts_carry_their_numbers_in_text() -> None:
    with locale_scope("en"):
        chart = horizontal_bars("c", "Jobs", [Bar("Published", 12), Bar("<Draft>", 3)], empty_text="none")
    assert "Published: 12; &lt;Draft&gt;: 3" in chart and ">12</text>" in chart
    assert "<title>Published: 12</title>" in chart
    assert "none" in horizontal_bars("e", "Jobs", [], empty_text="none")
    with locale_scope("zh"):  # punctuated in Chinese
        days = columns("d", "Per day", [Bar("5月20日", 4), Bar("5月21日", 0)], empty_text="none")
    assert "5月20日：4；5月21日：0" in days and "<title>5月20日：4</title>" in days
