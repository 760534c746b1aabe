"""Parts of public pages kept rendered (jobboard/web/fragments.py): reused, retired by changes, never
showing one visitor's things to another."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from litestar import Litestar
from sqlmodel import select

from jobboard.companies.models import CompanyIdentityChange
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from jobboard.search.models import SearchQueryDay
from jobboard.search.query.job_search import JobSearch
from jobboard.web.fragments import PagePart, PageParts
from tests.web.conftest import Fair, Visitor, db, flush_search_counts, sync_index

TITLE = "激光器研发工程师"  # the fair fixture's published job
ENGLISH = {"lang": "en"}


def _count_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = JobSearch.search

    def counting(self: JobSearch, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(JobSearch, "search", counting)
    return calls


def test_the_same_search_is_ranked_once_and_counted_every_time(
    fair: Fair, visitor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_searches(monkeypatch)
    person: Visitor = visitor()
    pages = [person.get("/jobs", params={"q": "激光器"}) for _ in range(3)]
    assert all(page.status_code == 200 and TITLE in page.text for page in pages)
    assert len(calls) == 1
    assert len({page.text.split('<div id="results">')[1] for page in pages}) == 1
    flush_search_counts(fair.app)
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        counts = session.exec(select(SearchQueryDay.searches).where(SearchQueryDay.query == "激光器")).all()
    assert counts == [3]


def test_each_language_gets_its_own_part(fair: Fair, visitor) -> None:
    person: Visitor = visitor()
    chinese = person.get("/jobs", params={"q": "激光器", "lang": "zh"})
    english = person.get("/jobs", params={"q": "激光器", "lang": "en"})
    assert "1 个职位" in chinese.text or "个职位" in chinese.text
    assert "1 job" in english.text


def test_a_closed_job_leaves_the_kept_search_and_job_page(fair: Fair, visitor) -> None:
    person: Visitor = visitor()
    assert TITLE in person.get("/jobs", params={"q": "激光器"}).text
    assert person.get(f"/jobs/{fair.job_id}").status_code == 200
    closed = fair.employer_a.post(
        f"/employer/jobs/{fair.job_id}/close", {"confirm": "yes"}, follow_redirects=False
    )
    assert closed.status_code in (302, 303)
    sync_index(fair.app)
    assert TITLE not in person.get("/jobs", params={"q": "激光器"}).text
    assert person.get(f"/jobs/{fair.job_id}").status_code == 404


def test_an_edited_company_name_reaches_the_kept_job_page(fair: Fair, visitor) -> None:
    person: Visitor = visitor()
    assert "Jia Photonics" not in person.get(f"/jobs/{fair.job_id}", params={"lang": "en"}).text
    profile = {"name_zh": "长春甲光电有限公司", "name_en": "Jia Photonics", "segment": "optics"}
    saved = fair.employer_a.post("/employer/company", profile | {"city": "长春", "booth": "B2-016"})
    assert saved.status_code == 200
    sync_index(fair.app)
    assert "Jia Photonics" not in person.get(f"/jobs/{fair.job_id}", params={"lang": "en"}).text  # in review
    with db(fair.app) as session:
        change_id = session.exec(select(CompanyIdentityChange.id)).one()
    assert fair.staff.post(f"/staff/companies/identity/{change_id}/approve").status_code == 200
    sync_index(fair.app)
    assert "Jia Photonics" in person.get(f"/jobs/{fair.job_id}", params={"lang": "en"}).text


def test_kept_parts_carry_nothing_of_the_visitor_who_caused_them(fair: Fair, visitor) -> None:
    anonymous: Visitor = visitor()
    first = anonymous.get(f"/jobs/{fair.job_id}", params=ENGLISH)
    assert "You have already applied" not in first.text and "/login" in first.text
    page = fair.seeker.get(f"/jobs/{fair.job_id}", params=ENGLISH)  # the part the anonymous one caused
    assert "You have already applied" in page.text and 'action="/logout"' in page.text
    again = visitor().get(f"/jobs/{fair.job_id}", params=ENGLISH)
    assert "You have already applied" not in again.text and 'action="/logout"' not in again.text
    search = fair.seeker.get("/jobs", params={"q": "激光器"})
    assert 'action="/logout"' in search.text and "/me/applications" in search.text


def test_a_live_update_gets_the_results_alone(fair: Fair, visitor) -> None:
    person: Visitor = visitor()
    live = person.get("/jobs", params={"q": "激光器"}, headers={"X-Live-Search": "1"})
    assert live.status_code == 200
    assert live.text.lstrip().startswith('<div id="results">') and "<html" not in live.text
    assert TITLE in live.text


def test_page_parts_expire_and_stay_within_their_size() -> None:
    parts = PageParts(size=2, fresh_seconds=0.05)
    part = PagePart(html="x", facts={})  # type: ignore[arg-type]
    parts.put("a", part)
    assert parts.get("a") is part
    time.sleep(0.06)
    assert parts.get("a") is None
    for key in ("a", "b", "c"):
        parts.put(key, part)
    assert parts.get("a") is None and parts.get("b") is part and parts.get("c") is part


def test_page_parts_are_safe_to_share_between_threads() -> None:
    parts = PageParts(size=50)
    part = PagePart(html="x", facts={})  # type: ignore[arg-type]

    def churn(offset: int) -> None:
        for number in range(2000):
            parts.put((offset, number % 80), part)
            parts.get((offset, (number * 7) % 80))

    threads = [threading.Thread(target=churn, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(parts.get((offset, n)) is not None for offset in range(4) for n in range(80)) == 50


def test_the_index_version_moves_when_this_process_changes_the_index(fair: Fair, app: Litestar) -> None:
    before = BoardPlugin.state_of(app).search.version()
    fair.publish(fair.employer_b, "光模块测试工程师")
    assert BoardPlugin.state_of(app).search.version() != before
