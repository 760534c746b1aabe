"""A real board (Uvicorn on a free loopback port, a temporary SQLite database, index and uploads) and
headless Chromium driven by Playwright, on a phone and a desktop viewport, in Chinese and in English.

The browser is Debian's ``chromium`` at /usr/bin/chromium; Playwright never downloads one. Without it,
every browser test is skipped with the reason printed (``skip_without_browser`` at module level).
Screenshots of every step go to ``tests/screenshots/`` (ignored by git).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.board import PASSWORD, REPO_ROOT, STAFF, BoardServer, Seeder, pdf_bytes, serve_board

# The test modules import these from here, with the fixtures' helpers.
__all__ = ["PASSWORD", "REPO_ROOT", "STAFF", "BoardServer", "Seeder", "pdf_bytes"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
# Each look gets its own firms and people, so the tests never see each other's data.
MARK = {"zh-phone": "甲", "en-phone": "乙", "zh-desktop": "丙", "en-desktop": "丁"}
BROWSER_LOCALES = {"zh": "zh-CN", "en": "en-US"}  # what Chromium sends as Accept-Language
EMPLOYER_PASSWORD = "demo-employer-2026"
SEEKER_PASSWORD = "demo-seeker-2026"


def skip_without_browser() -> None:
    """Call at the top of each browser test module, before importing Playwright."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests skipped: Chromium is not installed at {CHROMIUM} "
            "(apt-get install chromium; .ci/run does this)",
            allow_module_level=True,
        )
    pytest.importorskip(
        "playwright.sync_api", reason="browser tests skipped: the playwright package is missing"
    )


@pytest.fixture(scope="session")
def board_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoardServer]:
    with serve_board(tmp_path_factory.mktemp("browser-board")) as server:
        yield server


@pytest.fixture(scope="session")
def seeder(board_server: BoardServer) -> Iterator[Seeder]:
    seeder = Seeder(board_server)
    yield seeder
    seeder.close()


# The browser


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass(frozen=True)
class Look:
    """One way the board is seen: a language and a viewport."""

    lang: str
    viewport: str

    @property
    def id(self) -> str:
        return f"{self.lang}-{self.viewport}"

    @property
    def phone(self) -> bool:
        return self.viewport == "phone"


LOOKS = [Look(lang, viewport) for viewport in VIEWPORTS for lang in ("zh", "en")]


@pytest.fixture(params=LOOKS, ids=[look.id for look in LOOKS])
def look(request: pytest.FixtureRequest) -> Look:
    return request.param


def new_context(browser: Any, board_server: BoardServer, look: Look, **options: Any) -> Any:
    """A fresh browser profile whose Accept-Language asks for ``look.lang``."""
    context = browser.new_context(
        base_url=board_server.url,
        locale=BROWSER_LOCALES[look.lang],
        accept_downloads=True,
        **VIEWPORTS[look.viewport],
        **options,
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser: Any, board_server: BoardServer, look: Look) -> Iterator[Any]:
    context = new_context(browser, board_server, look)
    yield context
    context.close()


@pytest.fixture
def page(context: Any) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


# Helpers for the tests


def t(look: Look, message: str, **params: Any) -> str:
    """A message as the board shows it to this reader (from the board's own catalogue)."""
    from jobboard.core.i18n import gettext, locale_scope

    with locale_scope(look.lang):
        return gettext(message, **params)


def tn(look: Look, singular: str, plural: str, count: int) -> str:
    from jobboard.core.i18n import locale_scope, ngettext

    with locale_scope(look.lang):
        return ngettext(singular, plural, count)


def label(look: Look, value: Any) -> str:
    from jobboard.core.i18n import locale_scope
    from jobboard.core.labels import label as enum_label

    with locale_scope(look.lang):
        return enum_label(value)


class Steps:
    """Screenshots of each step under tests/screenshots/<test>/<look>/, checking the layout each time."""

    def __init__(self, page: Any, test_name: str, look: Look) -> None:
        self.page = page
        self.look = look
        self.folder = SCREENSHOTS / re.sub(r"\[.*", "", test_name) / look.id
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def shot(self, name: str) -> Path:
        self.count += 1
        self.page.wait_for_load_state("load")
        assert_no_horizontal_scroll(self.page, f"step {name}")
        lang = self.page.locator("html").get_attribute("lang")
        assert lang == ("en" if self.look.lang == "en" else "zh-CN"), f"step {name}: <html lang={lang}>"
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.page.screenshot(path=path)
        return path


@pytest.fixture
def steps(page: Any, look: Look, request: pytest.FixtureRequest) -> Steps:
    return Steps(page, request.node.name, look)


def assert_no_horizontal_scroll(page: Any, where: str = "") -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.body.scrollWidth]"
    )
    assert max(widths[0], widths[2]) <= widths[1], f"{page.url} {where}: scrolls sideways ({widths})"


def log_in(page: Any, look: Look, email: str, password: str = PASSWORD) -> None:
    """Through the login form, by its labels, as a person would."""
    page.goto("/login")
    page.get_by_label(t(look, "E-mail")).fill(email)
    page.get_by_label(t(look, "Password")).fill(password)
    page.locator("main").get_by_role("button", name=t(look, "Log in")).click()
    page.wait_for_load_state("load")
    assert "/login" not in page.url, f"login as {email} failed"
