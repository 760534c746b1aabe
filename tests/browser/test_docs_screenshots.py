"""The README's screenshots: the search page, a job page and the staff dashboard on a phone, in two languages,
the booth directory, the employer registration and a job posted in English only, on a phone in Chinese.

They are taken on every run into tests/screenshots/docs/; with JOBBOARD_DOC_SCREENSHOTS=1 they replace
the committed ones in docs/screenshots/:

    JOBBOARD_DOC_SCREENSHOTS=1 .venv/bin/pytest tests/browser/test_docs_screenshots.py
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import (
    REPO_ROOT,
    SCREENSHOTS,
    STAFF,
    BoardServer,
    Look,
    assert_no_horizontal_scroll,
    log_in,
    new_context,
    skip_without_browser,
)

skip_without_browser()

DOCS = REPO_ROOT / "docs" / "screenshots"


def screenshots_folder() -> Path:
    folder = DOCS if os.environ.get("JOBBOARD_DOC_SCREENSHOTS") == "1" else SCREENSHOTS / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_readme_screenshots(browser: Any, board_server: BoardServer, lang: str) -> None:
    folder = screenshots_folder()
    look = Look(lang, "phone")
    context = new_context(browser, board_server, look)
    try:
        page = context.new_page()
        page.goto("/jobs?q=激光器")
        page.locator("#results .job-card").first.wait_for()
        assert_no_horizontal_scroll(page)
        page.screenshot(path=folder / f"search-{lang}.png")

        page.locator("#results .job-card h2 a").first.click()
        page.wait_for_url("**/jobs/*")
        assert_no_horizontal_scroll(page)
        page.screenshot(path=folder / f"job-{lang}.png")

        log_in(page, look, *STAFF)
        page.goto("/staff")  # once more, without the welcome message
        assert_no_horizontal_scroll(page)
        page.screenshot(path=folder / f"staff-{lang}.png")
    finally:
        context.close()
    for name in ("search", "job", "staff"):
        assert (folder / f"{name}-{lang}.png").stat().st_size < 200_000, "keep the screenshots small"


def _phone_screenshot(
    browser: Any, board_server: BoardServer, path: str, name: str, check: Callable[[Any], None] | None = None
) -> None:
    """The first screen of ``path`` on a phone in Chinese, saved as ``name``.png."""
    folder = screenshots_folder()
    context = new_context(browser, board_server, Look("zh", "phone"))
    try:
        page = context.new_page()
        page.goto(path)
        if check is not None:
            check(page)
        assert_no_horizontal_scroll(page)
        page.screenshot(path=folder / f"{name}.png")
    finally:
        context.close()
    assert (folder / f"{name}.png").stat().st_size < 200_000, "keep the screenshots small"


def test_booth_directory_screenshot(browser: Any, board_server: BoardServer) -> None:
    """The first screen of the directory as a visitor at the fair sees it: one card per booth."""
    _phone_screenshot(browser, board_server, "/booths", "booths-zh")


def test_employer_registration_screenshot(browser: Any, board_server: BoardServer) -> None:
    _phone_screenshot(browser, board_server, "/register/employer", "register-employer-zh")


def _english_only_job(board_server: BoardServer) -> int:
    """A demo job of a firm from abroad, posted in English only (no Chinese title or description)."""
    database = board_server.env["JOBBOARD_DATABASE_URL"].removeprefix("sqlite:///")
    with closing(sqlite3.connect(database)) as connection:
        (job_id,) = connection.execute(
            "SELECT id FROM jobs WHERE title = '' AND description_en != '' AND status = 'published' "
            "ORDER BY id LIMIT 1"
        ).fetchone()
    return int(job_id)


def _marked_english_once(page: Any) -> None:
    assert "（英文）" in page.locator("h1").inner_text()
    assert page.locator("main .meta[lang=en]").count() == 0  # no second copy of the English title


def test_english_only_job_screenshot(browser: Any, board_server: BoardServer) -> None:
    """A posting of a firm from abroad, in English only, as Chinese readers see it: marked （英文）."""
    path = f"/jobs/{_english_only_job(board_server)}"
    _phone_screenshot(browser, board_server, path, "job-english-only-zh", _marked_english_once)
