"""Choosing the language, switching it on any page, and content shown in the reader's language first."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from jobboard.core.i18n import locale_scope, negotiate_locale
from jobboard.core.text import local_date, local_datetime, number, salary_text, written_in
from jobboard.web.templates import bilingual_html
from tests.pages.conftest import Board
from tests.pages.page_text import html_lang, page_text


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en;q=0.5, zh;q=0.9", "zh"),  # q-values, not order, decide
        ("fr, en;q=0.1", "en"),  # the best language the board has
        ("zh;q=0, en", "en"),  # q=0 means "not this one"
        ("zh-TW", "zh"),
        ("de, fr", "zh"),
        ("*", "zh"),
        ("", "zh"),
        (None, "zh"),
        ("en;q=nonsense, zh", "zh"),
    ],
)
def test_accept_language_respects_quality_values(accept_language: str | None, expected: str) -> None:
    assert negotiate_locale(None, None, accept_language) == expected


def test_query_then_cookie_then_header() -> None:
    assert negotiate_locale("en", "zh", "zh") == "en"
    assert negotiate_locale(None, "en", "zh") == "en"
    assert negotiate_locale("klingon", "en", "zh") == "en"
    assert negotiate_locale(None, "nonsense", "en") == "en"


def test_choice_is_remembered_in_a_cookie(board: Board, visitor) -> None:
    person = visitor()
    assert html_lang(person.get("/jobs").text) == "zh-CN"
    assert html_lang(person.get("/jobs", headers={"Accept-Language": "en-GB,en;q=0.8"}).text) == "en"
    response = person.get("/jobs?lang=en")
    assert "lang=en" in response.headers.get("set-cookie", "")
    assert "Accept-Language" in response.headers["vary"]  # caches keep one copy per language
    assert html_lang(person.get("/login").text) == "en"
    assert html_lang(person.get("/login", headers={"Accept-Language": "zh"}).text) == "en"  # cookie first
    assert html_lang(person.get("/login?lang=zh").text) == "zh-CN"


def test_language_switch_keeps_the_rest_of_the_query(board: Board) -> None:
    page = board.anonymous.get("/jobs?q=激光&city=长春&page=1&lang=zh").text
    switch = re.search(r'<a href="([^"]+)" hreflang="en"', page)
    assert switch, "a link to the English page"
    target = html.unescape(switch.group(1))
    assert target.startswith("/jobs?") and target.count("lang=") == 1 and target.endswith("lang=en")
    assert "q=%E6%BF%80%E5%85%89" in target and "city=%E9%95%BF%E6%98%A5" in target
    english = board.anonymous.get(target)
    assert html_lang(english.text) == "en" and 'value="激光"' in english.text


@pytest.mark.parametrize(
    ("path", "role", "status"),
    [("/no/such/page", "anonymous", 404), ("/staff", "seeker", 403), ("/__test__/boom", "anonymous", 500)],
)
def test_error_pages_speak_the_readers_language(board: Board, path: str, role: str, status: int) -> None:
    person = board.roles()[role]
    english = person.get(path, headers={"Accept-Language": "en"}, follow_redirects=False)
    assert english.status_code == status and html_lang(english.text) == "en"
    assert f"Error {status}" in english.text
    chinese = person.get(path, headers={"Accept-Language": "zh-CN"}, follow_redirects=False)
    assert chinese.status_code == status and html_lang(chinese.text) == "zh-CN"
    assert f"错误 {status}" in chinese.text
    person.get("/login?lang=en")  # an explicit choice, kept in the cookie, wins over the browser
    assert html_lang(person.get(path, headers={"Accept-Language": "zh"}, follow_redirects=False).text) == "en"
    person.get("/login?lang=zh")


def test_api_errors_stay_json(board: Board) -> None:
    response = board.anonymous.get("/api/jobs/999999", headers={"Accept-Language": "en"})
    assert response.status_code == 404 and response.headers["content-type"].startswith(
        "application/problem+json"
    )


def test_dates_numbers_and_salaries_per_locale() -> None:
    job = SimpleNamespace(salary_min=15000, salary_max=25000, salary_months=14)
    twelve = SimpleNamespace(salary_min=8500, salary_max=12000, salary_months=12)
    negotiable = SimpleNamespace(salary_min=None, salary_max=None, salary_months=12)
    moment = datetime.fromisoformat("2026-03-12T01:30:00+00:00")
    with locale_scope("zh"):
        assert salary_text(job) == "15-25K·14薪"
        assert salary_text(twelve) == "8.5-12K"
        assert salary_text(negotiable) == "面议"
        assert local_date(date(2026, 3, 12)) == "2026年3月12日"
        assert local_datetime(moment) == "2026年3月12日 09:30"  # Beijing time
        assert number(12345) == "12,345"
    with locale_scope("en"):
        assert salary_text(job) == "CNY 15k–25k a month, 14 months"
        assert salary_text(twelve) == "CNY 8.5k–12k a month"
        assert salary_text(negotiable) == "Negotiable"
        assert local_date(date(2026, 3, 12)) == "Mar 12, 2026"
        assert local_datetime(moment) == "Mar 12, 2026 09:30"
        assert number(12345) == "12,345"


def test_bilingual_content_falls_back_marked() -> None:
    with locale_scope("en"):
        assert str(bilingual_html("激光工程师", "Laser Engineer")) == "Laser Engineer"
        fallback = str(bilingual_html("激光工程师", ""))
        assert '<span lang="zh-CN">激光工程师</span>' in fallback and "(in Chinese)" in fallback
        assert "&lt;b&gt;" in str(bilingual_html("<b>", ""))  # still escaped
    with locale_scope("zh"):
        assert str(bilingual_html("激光工程师", "Laser Engineer")) == "激光工程师"
        fallback = str(bilingual_html("", "Laser Engineer"))
        assert '<span lang="en">Laser Engineer</span>' in fallback and "（英文）" in fallback
    assert written_in("负责FPGA开发与验证，熟悉Verilog") == "zh"
    assert written_in("Design optical systems with Zemax") == "en"


def test_job_page_shows_the_readers_language_first(board: Board) -> None:
    english_job = board.publish("光学镀膜工程师", title_en="Optical Coating Engineer")
    en = board.anonymous.get(f"/jobs/{english_job}?lang=en").text
    heading = re.search(r"<h1>(.*?)</h1>", en, re.S).group(1)
    assert heading.strip() == "Optical Coating Engineer"
    assert '<p class="meta" lang="zh-CN">光学镀膜工程师</p>' in en  # the original below it
    assert "(in Chinese)" in en  # the description is Chinese only, and says so
    zh = board.anonymous.get(f"/jobs/{english_job}?lang=zh").text
    assert re.search(r"<h1>(.*?)</h1>", zh, re.S).group(1).strip() == "光学镀膜工程师"
    assert '<p class="meta" lang="en">Optical Coating Engineer</p>' in zh
    assert "（中文）" not in zh
    # A job without an English title, read in English: Chinese, marked as such, in search results too
    results = board.anonymous.get("/jobs?lang=en").text
    assert (
        '<span lang="zh-CN">激光器研发工程师</span> <small class="fallback">(in Chinese)</small>' in results
    )


def test_the_checks_notice_the_other_language(board: Board) -> None:
    """The untranslated-text checks of test_every_page are not blind: they flag a page in another language."""
    from tests.pages.test_every_page import untranslated_in_chinese, untranslated_in_english

    chinese_page = board.anonymous.get("/login?lang=zh").text
    english_page = board.anonymous.get("/login?lang=en").text
    assert untranslated_in_chinese(chinese_page, []) == []
    assert untranslated_in_english(english_page, []) == []
    # A page that says it is Chinese but is not, and the other way round
    assert len(untranslated_in_chinese(english_page.replace('lang="en"', 'lang="zh-CN"', 1), [])) > 5
    assert len(untranslated_in_english(chinese_page.replace('lang="zh-CN"', 'lang="en"', 1), [])) > 5
    marked = page_text('<p lang="en">Laser</p><p>激光</p><code>job_id</code>').chunks
    assert [(chunk.text, chunk.lang) for chunk in marked] == [
        ("Laser", "en"),
        ("激光", ""),
        ("job_id", "raw"),
    ]
