"""The job seeker's flows in a real browser, in Chinese and English, on a phone and on a desktop:
searching and filtering (by touch and by keyboard) and applying with a PDF.

Each test asserts what a person would see, and saves a screenshot of every step under
tests/screenshots/<test>/<language>-<viewport>/.
"""

from __future__ import annotations

import time
from typing import Any

from tests.browser.conftest import (
    MARK,
    Look,
    Seeder,
    Steps,
    label,
    log_in,
    new_context,
    pdf_bytes,
    skip_without_browser,
    t,
    tn,
)

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from jobboard.applications.models import ApplicationStatus  # noqa: E402
from jobboard.jobs.models import JobType  # noqa: E402

# Each look gets its own firms and people, so the tests never see each other's data.


def wait_for_address(page: Any, part: str, timeout: float = 10.0) -> None:
    """Until the page's address holds ``part`` (the live search rewrites it). Polled from here: the
    board's Content-Security-Policy forbids the string evaluation Playwright's wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while part not in page.url:
        assert time.monotonic() < deadline, f"{part!r} never came into {page.url}"
        page.wait_for_timeout(50)


def _results(page: Any) -> Any:
    return page.locator("#results")


def test_search_and_filter(
    page: Any, look: Look, steps: Steps, seeder: Seeder, browser: Any, board_server
) -> None:
    mark = MARK[look.id]
    employer = f"hr-search-{look.id}@browser.example.cn"
    seeder.employer(employer, f"长春太赫兹光子科技有限公司{mark}", f"Changchun Terahertz Photonics {mark}")
    first = seeder.job(
        employer, f"太赫兹成像算法工程师{mark}", title_en=f"Terahertz Imaging Algorithm Engineer {mark}",
        education="master", salary_min=20000, salary_max=35000, salary_months=13,
    )  # fmt: skip
    second = seeder.job(
        employer, f"太赫兹器件测试实习生{mark}", job_type="internship", salary_min=4000, salary_max=6000,
        salary_months=12,
    )  # fmt: skip
    seeder.wait_until_found("太赫兹", first, second)
    full_time = (
        f"Terahertz Imaging Algorithm Engineer {mark}" if look.lang == "en" else f"太赫兹成像算法工程师{mark}"
    )
    intern = f"太赫兹器件测试实习生{mark}"

    page.goto("/jobs")
    expect(page.get_by_role("search")).to_be_visible()
    steps.shot("search-page")

    # Typing searches live: the results change, the page does not reload
    page.evaluate("window.__samePage = true")
    search_box = page.get_by_label(t(look, "Search jobs"))
    search_box.fill("太赫兹")
    wait_for_address(page, "q=")  # the live update is done (and shareable)
    expect(_results(page).get_by_role("link", name=full_time)).to_be_visible(timeout=15_000)
    expect(_results(page).get_by_role("link", name=intern)).to_be_visible()
    assert page.evaluate("window.__samePage === true"), "the search reloaded the whole page"
    if look.lang == "en":  # no English title: shown in Chinese, marked as such
        card = _results(page).locator("article", has_text=intern)
        expect(card.locator(".fallback")).to_have_text(t(look, "(in Chinese)"))
        expect(card.locator("span[lang='zh-CN']")).to_have_text(intern)
    steps.shot("typed")

    # Filters are folded away on a phone; opening them and choosing a type narrows the results live
    page.locator("details.filters > summary").click()
    page.get_by_role("combobox", name=t(look, "Type"), exact=True).select_option(
        label=label(look, JobType.INTERNSHIP)
    )
    wait_for_address(page, "job_type=internship")
    expect(_results(page).get_by_role("link", name=full_time)).to_have_count(0)
    expect(_results(page).get_by_role("link", name=intern)).to_be_visible()
    assert page.evaluate("window.__samePage === true")
    count = page.locator("#results .result-count").text_content()
    assert count.strip() in {tn(look, "%(num)s job", "%(num)s jobs", n) for n in range(1, 5)}
    expect(page.locator("#live-status")).to_have_text(count)  # told to screen readers too
    steps.shot("filtered")

    # The job page, in the reader's language, with the salary written their way
    _results(page).get_by_role("link", name=intern).click()
    expect(page.locator("h1")).to_contain_text(intern)
    expect(page.locator(".salary")).to_have_text("CNY 4k–6k a month" if look.lang == "en" else "4-6K")
    assert page.locator("script[type='application/ld+json']").count() == 1
    steps.shot("job-page")

    # Back returns to the filtered results
    page.go_back()
    expect(page.get_by_role("combobox", name=t(look, "Type"), exact=True)).to_have_value("internship")
    expect(_results(page).get_by_role("link", name=intern)).to_be_visible()

    # Without JavaScript the same form works as a plain page load
    no_js = new_context(browser, board_server, look, java_script_enabled=False)
    try:
        plain_page = no_js.new_page()
        plain_page.goto("/jobs")
        plain_page.get_by_label(t(look, "Search jobs")).fill("太赫兹")
        plain_page.get_by_label(t(look, "Search jobs")).press("Enter")
        plain_page.wait_for_url("**/jobs?*q=*")
        expect(plain_page.get_by_role("link", name=full_time)).to_be_visible()
        plain_page.locator("details.filters > summary").click()
        plain_page.get_by_role("combobox", name=t(look, "Type"), exact=True).select_option("internship")
        plain_page.get_by_role("button", name=t(look, "Apply filters")).click()
        plain_page.wait_for_url("**job_type=internship*")
        expect(plain_page.get_by_role("link", name=full_time)).to_have_count(0)
        expect(plain_page.get_by_role("link", name=intern)).to_be_visible()
        Steps(plain_page, "test_search_and_filter_without_javascript", look).shot("plain-form")
    finally:
        no_js.close()


def test_keyboard_only_search(page: Any, look: Look, steps: Steps) -> None:
    """Skip link, search box, results and a job page, with the keyboard alone and a visible focus."""
    page.goto("/jobs")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == t(look, "Skip to content")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(5):  # into the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q", "the search box is reachable by Tab"
    page.keyboard.type("激光")
    page.keyboard.press("Enter")
    wait_for_address(page, "q=")
    expect(page.locator("#live-status")).not_to_be_empty()  # the results arrived
    if look.phone:  # the on-screen keyboard closes: focus moves to the number of results
        assert page.evaluate("document.activeElement.classList.contains('result-count')")
    for _ in range(40):  # on to the first result
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#results .job-card h2')"):
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link shows where the keyboard is"
    steps.shot("focus-on-result")
    title = page.evaluate("document.activeElement.textContent").strip()
    page.keyboard.press("Enter")
    page.wait_for_url("**/jobs/*")
    expect(page.locator("h1")).to_contain_text(title.split(" (")[0].split("（")[0])
    steps.shot("job-page")


def test_apply_with_a_pdf(page: Any, look: Look, steps: Steps, seeder: Seeder, tmp_path) -> None:
    mark = MARK[look.id]
    employer = f"hr-apply-{look.id}@browser.example.cn"
    seeker = f"seeker-apply-{look.id}@browser.example.cn"
    seeder.employer(employer, f"长春应用光学仪器有限公司{mark}")
    title = f"光谱仪应用工程师{mark}"
    job_id = seeder.job(employer, title, title_en=f"Spectrometer Application Engineer {mark}")
    seeder.seeker(seeker, "陈晓")
    resume = tmp_path / "陈晓-简历.pdf"
    resume.write_bytes(pdf_bytes())

    log_in(page, look, seeker)
    expect(page.locator(".flash-success")).to_have_text(t(look, "Welcome back."))
    steps.shot("logged-in")

    page.goto(f"/jobs/{job_id}")
    apply = page.get_by_role("link", name=t(look, "Apply"), exact=True)
    expect(apply).to_be_visible()
    if look.phone:  # the apply button sits at the bottom of the screen while the job is read
        assert apply.bounding_box()["y"] + apply.bounding_box()["height"] <= 800
    steps.shot("job-page")
    apply.click()
    page.wait_for_url(f"**/jobs/{job_id}/apply")
    steps.shot("apply-form")

    # Sending without consent: a translated error beside the box, and what was typed is kept
    page.get_by_label(t(look, "Cover letter (optional)")).fill("我有三年光谱仪应用经验。")
    with page.expect_file_chooser() as chooser:
        page.get_by_label(t(look, "Resume (PDF, at most 5 MB)")).click()
    chooser.value.set_files(str(resume))
    page.get_by_role("button", name=t(look, "Send application")).click()
    expect(page.locator("#e-consent")).to_have_text(
        t(look, "You must agree to send your resume to this company.")
    )
    expect(page.get_by_label(t(look, "Cover letter (optional)"))).to_have_value("我有三年光谱仪应用经验。")
    steps.shot("consent-missing")

    # The phone's file picker again (a file input never keeps its file), consent, send
    with page.expect_file_chooser() as chooser:
        page.get_by_label(t(look, "Resume (PDF, at most 5 MB)")).click()
    assert not chooser.value.is_multiple()
    chooser.value.set_files(str(resume))
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=t(look, "Send application")).click()
    page.wait_for_url("**/me/applications")
    expect(page.locator(".flash-success")).to_have_text(t(look, "Your application was sent."))
    card = page.locator("article", has_text=f"{mark}")
    expect(card).to_contain_text(label(look, ApplicationStatus.SUBMITTED))
    steps.shot("sent")
