"""Live search names the search in the page's title, as a plain page load does (issue 11, item 13)."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Look, Steps, skip_without_browser, t

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402


def test_typing_a_search_changes_the_title(page: Any, look: Look, steps: Steps) -> None:
    site = t(look, "Optoelectronics Expo Talent Fair")
    plain = f"{t(look, 'Find jobs')} · {site}"
    page.goto("/jobs")
    expect(page).to_have_title(plain)

    page.evaluate("window.__samePage = true")
    page.get_by_label(t(look, "Search jobs")).press_sequentially("激光", delay=50)
    expect(page).to_have_title(f"激光 · {plain}", timeout=15_000)
    assert page.evaluate("window.__samePage === true"), "the search reloaded the whole page"
    steps.shot("typed")

    # The title a plain load of the same address shows
    address = page.url
    titled = page.title()
    page.goto(address)
    expect(page).to_have_title(titled)

    page.get_by_label(t(look, "Search jobs")).fill("")
    expect(page).to_have_title(re.compile(rf"^{re.escape(plain)}$"), timeout=15_000)
