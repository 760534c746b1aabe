"""The firms' and the staff's flows in a real browser, in Chinese and English, on a phone and a desktop:
posting a job and working an applicant through the pipeline; approving a firm and exporting applicants.

Each test asserts what a person would see, and saves a screenshot of every step under
tests/screenshots/<test>/<language>-<viewport>/.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Any

from tests.browser.conftest import (
    MARK,
    STAFF,
    Look,
    Seeder,
    Steps,
    assert_no_horizontal_scroll,
    label,
    log_in,
    skip_without_browser,
    t,
)

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

from jobboard.applications.models import ApplicationAction, ApplicationStatus  # noqa: E402
from jobboard.companies.models import CompanyAction, CompanyStatus  # noqa: E402
from jobboard.core.clock import FAIR_TIMEZONE  # noqa: E402
from jobboard.jobs.models import JobStatus  # noqa: E402


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
    page.get_by_label(t(look, "Responsibilities (岗位职责)"), exact=True).fill("负责星载激光终端的测试。")
    page.get_by_label(t(look, "Requirements (任职要求)"), exact=True).fill("光电相关专业。")
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
    tomorrow = (datetime.now(FAIR_TIMEZONE) + timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    page.get_by_label(t(look, "Interview time (Changchun time, optional)")).fill(tomorrow)
    page.get_by_label(t(look, "Interview place (optional)")).fill("B2-016")
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
