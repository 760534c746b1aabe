"""The fair's key flows in a real browser, in Chinese and English, on a phone and on a desktop.

Each test asserts what a person would see, and saves a screenshot of every step under
tests/screenshots/<test>/<language>-<viewport>/.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.browser.conftest import (
    STAFF,
    Look,
    Seeder,
    Steps,
    assert_no_horizontal_scroll,
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

from jobboard.applications.models import ApplicationAction, ApplicationStatus  # noqa: E402
from jobboard.companies.models import CompanyAction, CompanyStatus  # noqa: E402
from jobboard.jobs.models import JobStatus, JobType  # noqa: E402

# Each look gets its own firms and people, so the tests never see each other's data.
MARK = {"zh-phone": "甲", "en-phone": "乙", "zh-desktop": "丙", "en-desktop": "丁"}


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
    page.wait_for_function("location.search.includes('q=')")  # the live update is done (and shareable)
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
    page.wait_for_function("location.search.includes('job_type=internship')")
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
    page.wait_for_function("location.search.includes('q=')")
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


def test_employer_posts_a_job_and_advances_an_applicant(
    page: Any, look: Look, steps: Steps, seeder: Seeder
) -> None:
    mark = MARK[look.id]
    employer = f"hr-post-{look.id}@browser.example.cn"
    seeker = f"seeker-post-{look.id}@browser.example.cn"
    seeder.employer(employer, f"长春星载激光通信有限公司{mark}", f"Changchun Satellite Laser Comms {mark}")
    open_title = f"星间激光通信工程师{mark}"
    job_id = seeder.job(employer, open_title)
    seeder.seeker(seeker, "赵磊")
    seeder.application(seeker, job_id)

    log_in(page, look, employer)
    page.wait_for_url("**/employer")
    steps.shot("employer-home")

    # Post a job, labels in the reader's language
    page.get_by_role("link", name=t(look, "Post a job"), exact=True).first.click()
    page.wait_for_url("**/employer/jobs/new")
    new_title = f"激光终端测试工程师{mark}"
    page.get_by_label(t(look, "Job title (Chinese)")).fill(new_title)
    page.get_by_label(t(look, "Job title (English)")).fill(f"Laser Terminal Test Engineer {mark}")
    page.get_by_label(t(look, "Responsibilities (岗位职责)")).fill("负责星载激光终端的测试。")
    page.get_by_label(t(look, "Requirements (任职要求)")).fill("光电相关专业。")
    page.get_by_label(t(look, "Education"), exact=True).select_option("master")
    page.get_by_label(t(look, "From"), exact=True).fill("18000")
    page.get_by_label(t(look, "To"), exact=True).fill("30000")
    page.get_by_label(t(look, "Months paid per year")).fill("14")
    steps.shot("job-form")
    page.get_by_role("button", name=t(look, "Submit for review")).click()
    page.wait_for_url("**/employer")
    expect(page.locator(".flash-success")).to_have_text(
        t(look, "The job was saved: %(status)s.", status=label(look, JobStatus.PENDING))
    )
    posted = page.locator(
        "article", has_text=f"Laser Terminal Test Engineer {mark}" if look.lang == "en" else new_title
    )
    expect(posted.locator(".badge")).to_have_text(label(look, JobStatus.PENDING))
    expect(posted).to_contain_text("CNY 18k–30k a month, 14 months" if look.lang == "en" else "18-30K·14薪")
    steps.shot("job-posted")

    # Advance the applicant of the open job
    page.locator("article", has_text=open_title).get_by_role("link", name=t(look, "Applicants")).click()
    expect(page.locator("h1")).to_contain_text(open_title)
    page.get_by_role("link", name="赵磊").click()
    expect(page.locator("h1")).to_contain_text("赵磊")
    steps.shot("applicant")
    page.get_by_role("button", name=label(look, ApplicationAction.INVITE)).click()
    expect(page.locator("h1 .badge")).to_have_text(label(look, ApplicationStatus.INTERVIEW))
    expect(page.locator(".flash-success")).to_contain_text(label(look, ApplicationStatus.INTERVIEW))
    steps.shot("invited")
    page.get_by_role("button", name=label(look, ApplicationAction.OFFER)).click()
    expect(page.locator("h1 .badge")).to_have_text(label(look, ApplicationStatus.OFFER))
    steps.shot("offer")


def test_staff_approve_and_export(page: Any, look: Look, steps: Steps, seeder: Seeder) -> None:
    mark = MARK[look.id]
    pending_firm = f"长春新晶光电材料有限公司{mark}"
    seeder.employer(f"hr-pending-{look.id}@browser.example.cn", pending_firm, approved=False)
    employer = f"hr-export-{look.id}@browser.example.cn"
    firm = f"长春精密光栅有限公司{mark}"
    seeder.employer(employer, firm)
    waiting_title = f"光栅刻划工艺工程师{mark}"
    waiting_id = seeder.job(employer, waiting_title, publish=False)
    open_id = seeder.job(employer, f"光栅检测工程师{mark}")
    seeker = f"seeker-export-{look.id}@browser.example.cn"
    seeder.seeker(seeker, f"孙悦{mark}")
    seeder.application(seeker, open_id)

    log_in(page, look, *STAFF)
    page.wait_for_url("**/staff")
    expect(page.locator("h1")).to_have_text(t(look, "The fair at a glance"))
    steps.shot("dashboard")

    # Approve the firm
    page.get_by_role("link", name=t(look, "Approve companies")).click()
    card = page.locator("article", has_text=pending_firm)
    card.get_by_role("button", name=label(look, CompanyAction.APPROVE), exact=True).click()
    expect(page.locator(".flash-success")).to_have_text(
        t(look, "%(name)s: %(status)s.", name=pending_firm, status=label(look, CompanyStatus.APPROVED))
    )
    expect(page.locator("article", has_text=pending_firm)).to_have_count(0)
    steps.shot("company-approved")

    # Publish the job that waits for review
    page.goto("/staff/jobs")
    card = page.locator("article", has_text=waiting_title)
    card.get_by_role("button", name=t(look, "Publish"), exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text(waiting_title)
    expect(page.locator("article", has_text=waiting_title)).to_have_count(0)
    steps.shot("job-published")
    page.goto(f"/jobs/{waiting_id}")
    expect(page.locator("h1")).to_contain_text(waiting_title)

    # Export the firm's applicants as CSV
    page.goto("/exports")
    page.get_by_label(t(look, "Company"), exact=True).select_option(label=firm)
    steps.shot("export-form")
    with page.expect_download() as download:
        page.get_by_role("button", name=t(look, "Download"), exact=True).click()
    content = download.value.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert any(f"孙悦{mark}" in cell for row in rows[1:] for cell in row), rows
    assert len(rows) == 2, "one applicant, and only this firm's"
    assert_no_horizontal_scroll(page)
