"""Postings in English (issue 11, item 9): an optional English description and requirements beside the
Chinese ones, and a firm from abroad posting in English only, marked （英文） on Chinese pages."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import col, select

from jobboard.core.db import open_session
from jobboard.jobs.models import Job
from jobboard.plugin import BoardPlugin
from tests.jobs.helpers import edit, revisions_of
from tests.web.conftest import Fair, Visitor, sync_index

ENGLISH_ONLY = {
    "title": "",
    "description": "",
    "requirements": "",
    "title_en": "Photonic Chip Designer",
    "description_en": "Design silicon photonic circuits and tape them out.",
    "requirements_en": "A degree in physics or optical engineering.",
}


def _publish(fair: Fair, employer: Visitor, **fields: Any) -> int:
    """Posts a job through the form and has staff publish it (the title may be English only)."""
    assert employer.post_job(fields.pop("title", ""), **fields).status_code == 200
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        job_id = session.exec(select(Job.id).order_by(col(Job.id).desc())).first()
    assert fair.staff.post(f"/staff/jobs/{job_id}/approve").status_code == 200
    sync_index(fair.app)
    assert job_id is not None
    return job_id


def _heading(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)  # type: ignore[union-attr]


def _main(page: str) -> str:
    """The page between its first heading and its footer: what the reader reads, not head or metadata."""
    return page[page.index("<h1>") : page.index("</main>")]


def test_a_firm_from_abroad_posts_in_english_only_marked_on_chinese_pages(fair: Fair) -> None:
    job_id = _publish(fair, fair.employer_b, **ENGLISH_ONLY)
    chinese = fair.seeker.get(f"/jobs/{job_id}?lang=zh").text
    assert "Photonic Chip Designer" in _heading(chinese) and "（英文）" in _heading(chinese)
    assert _main(chinese).count("Photonic Chip Designer") == 1  # the title is never shown twice
    assert re.search(r"岗位职责\s*<small class=\"fallback\">（英文）</small>", chinese)
    assert '<div class="prose" lang="en">Design silicon photonic circuits' in chinese
    english = fair.seeker.get(f"/jobs/{job_id}?lang=en").text
    assert _heading(english).strip() == "Photonic Chip Designer"
    assert _main(english).count("Photonic Chip Designer") == 1
    assert "(in English)" not in english and "A degree in physics or optical engineering." in english


def test_english_readers_read_the_english_description_and_chinese_readers_the_chinese(fair: Fair) -> None:
    job_id = _publish(
        fair,
        fair.employer_a,
        title="光子芯片设计工程师",
        title_en="Photonic Chip Designer",
        description_en="Design silicon photonic circuits.",
    )
    english = _main(fair.seeker.get(f"/jobs/{job_id}?lang=en").text)
    assert "Design silicon photonic circuits." in english and "负责光纤激光器的研发与测试。" not in english
    # Requirements exist in Chinese only: English readers get them, marked as Chinese.
    assert re.search(r"Requirements\s*<small class=\"fallback\">\(in Chinese\)</small>", english)
    assert "光子芯片设计工程师" in english  # the Chinese title under the English one
    chinese = _main(fair.seeker.get(f"/jobs/{job_id}?lang=zh").text)
    assert "负责光纤激光器的研发与测试。" in chinese and "Design silicon photonic circuits." not in chinese


def test_a_posting_needs_its_title_and_description_in_one_language(fair: Fair) -> None:
    before = fair.employer_b.get("/employer").text
    nothing = fair.employer_b.post_job("", description="")
    assert nothing.status_code == 400
    assert "请用中文填写岗位名称和岗位职责，或两者都用英文填写" in nothing.text
    assert 'id="e-title"' in nothing.text and 'id="e-description"' in nothing.text
    fair.employer_b.get("/employer?lang=en")  # the reader's language stays English from here on
    half = fair.employer_b.post_job("", description="", title_en="Laser Engineer")
    assert half.status_code == 400
    assert "Give the job title and the responsibilities in Chinese, or both in English" in half.text
    assert 'id="e-description_en"' in half.text and 'id="e-title"' not in half.text
    assert fair.employer_b.get("/employer?lang=zh").text == before  # nothing was saved


def test_english_words_find_an_english_only_posting(fair: Fair) -> None:
    job_id = _publish(fair, fair.employer_b, **ENGLISH_ONLY)
    found = fair.seeker.get("/api/jobs", params={"q": "silicon photonic tape"}).json()["items"]
    assert [item["id"] for item in found] == [job_id]
    detail = fair.seeker.get(f"/api/jobs/{job_id}").json()
    assert (detail["title"], detail["title_en"]) == ("", "Photonic Chip Designer")
    assert detail["description_en"] == ENGLISH_ONLY["description_en"]
    assert detail["requirements_en"] == ENGLISH_ONLY["requirements_en"]


def test_an_english_description_added_to_a_published_job_waits_for_review(fair: Fair) -> None:
    assert edit(fair.employer_a, fair.job_id, description_en="Develop fibre lasers.").status_code == 200
    (revision,) = revisions_of(fair.app, fair.job_id)
    assert revision.description_en == "Develop fibre lasers." and "description_en" in revision.changed_fields(
        _live(fair)
    )
    review = fair.staff.get("/staff/jobs?lang=en").text
    assert "Responsibilities (English)" in review
    sync_index(fair.app)
    assert "Develop fibre lasers." not in fair.seeker.get(f"/jobs/{fair.job_id}?lang=en").text


def _live(fair: Fair) -> Job:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return session.get_one(Job, fair.job_id)


def test_english_copied_into_the_chinese_title_is_marked_and_shown_once(fair: Fair) -> None:
    # How foreign firms posted before the English fields existed: the same English title in both.
    job_id = _publish(
        fair,
        fair.employer_b,
        title="Optical Test Engineer",
        title_en="Optical Test Engineer",
        description="Test lenses and modules.",
    )
    chinese = fair.seeker.get(f"/jobs/{job_id}?lang=zh").text
    assert "（英文）" in _heading(chinese) and _main(chinese).count("Optical Test Engineer") == 1
    assert re.search(r"岗位职责\s*<small class=\"fallback\">（英文）</small>", chinese)
    english = fair.seeker.get(f"/jobs/{job_id}?lang=en").text
    assert _heading(english).strip() == "Optical Test Engineer"
