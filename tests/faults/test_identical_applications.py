"""Fifty identical applications at once (a double-clicking visitor, a retrying phone) make exactly one."""

from __future__ import annotations

import threading
from collections import Counter

import httpx
import pytest

from tests.faults.conftest import LiveBoard
from tests.live.board import LiveVisitor, pdf_bytes

pytestmark = pytest.mark.faults

COPIES = 50


def test_fifty_concurrent_identical_applications_make_exactly_one(live_board: LiveBoard) -> None:
    seeker = LiveVisitor(live_board.node.url)
    assert seeker.login(live_board.seekers[0]).is_redirect
    job_id, resume = live_board.job_ids[0], pdf_bytes(100_000)
    start = threading.Barrier(COPIES)
    answers: list[tuple[int, str] | str] = []

    def apply() -> None:
        with httpx.Client(base_url=live_board.node.url, cookies=seeker.client.cookies, timeout=60) as browser:
            form = {"cover_letter": "", "consent": "yes", "_csrf_token": seeker.csrf}
            start.wait()
            try:
                response = browser.post(
                    f"/jobs/{job_id}/apply",
                    data=form,
                    files={"resume": ("简历.pdf", resume, "application/pdf")},
                )
                answers.append((response.status_code, response.headers.get("location", "")))
            except httpx.HTTPError as error:
                answers.append(type(error).__name__)

    threads = [threading.Thread(target=apply) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    counts = Counter(answers)
    print(f"answers to {COPIES} identical applications: {counts}")
    # The one that wins and the 49 that find it already sent all land on "my applications" (the latter
    # with "you have already applied"): no error, no second application.
    assert set(counts) <= {(302, "/me/applications"), (303, "/me/applications")}, counts
    assert sum(counts.values()) == COPIES, counts
    applications = live_board.applications()
    assert [(a.job_id, a.applicant_email) for a in applications] == [(job_id, live_board.seekers[0])]
    assert live_board.resume_files() == {applications[0].resume_key}  # the losers removed their files
    live_board.assert_every_application_has_its_resume()
    seeker.close()
