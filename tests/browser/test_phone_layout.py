"""Pages that must stay readable on a 360 px phone: tables become cards, nothing scrolls sideways,
firm names and dates keep their shape, charts keep readable text, and a destructive button sits apart.

Measured in the browser: a piece of text's height against its line-height says how many lines it
takes (``lines``); every scrolling box is checked, not only the document (a table in an
``overflow-x: auto`` wrapper would otherwise hide a sideways scroll).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import (
    STAFF,
    BoardServer,
    Look,
    Seeder,
    label,
    log_in,
    new_context,
    skip_without_browser,
)

skip_without_browser()

PHONE_ZH = Look("zh", "phone")

# How many lines each element's text takes: the height of its text (a Range over its contents, so that a
# table cell's height from its neighbours does not count) divided by its line-height.
LINES = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
  const height = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
  const style = getComputedStyle(element);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
  return {text: element.textContent.trim(), lines: Math.ceil(height / lineHeight - 0.3)};
})"""

SIDEWAYS = """() => {
  const boxes = [...document.querySelectorAll('main *')].filter((element) =>
    ['auto', 'scroll'].includes(getComputedStyle(element).overflowX)
    && element.scrollWidth > element.clientWidth + 1);
  return {document: [document.scrollingElement.scrollWidth, innerWidth],
          boxes: boxes.map((element) => element.className || element.tagName)};
}"""

# Each chart text: its size on the screen, and whether it lies within the chart's drawing (the content box).
CHART_TEXT = """() => [...document.querySelectorAll('svg.chart')].flatMap((svg) => {
  const outer = svg.getBoundingClientRect(), style = getComputedStyle(svg);
  const left = outer.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
  const right = outer.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
  const scale = (right - left) / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map((text) => {
    const r = text.getBoundingClientRect();
    return {text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale,
            inside: r.left >= left - 1 && r.right <= right + 1};
  });
})"""


def assert_nothing_scrolls_sideways(page: Any) -> None:
    found = page.evaluate(SIDEWAYS)
    width, viewport = found["document"]
    assert width <= viewport, f"{page.url}: the page scrolls sideways ({width} > {viewport})"
    assert not found["boxes"], f"{page.url}: these scroll sideways: {found['boxes']}"


def lines(page: Any, selector: str) -> list[dict[str, Any]]:
    measured = page.evaluate(LINES, selector)
    assert measured, f"{page.url}: nothing matches {selector}"
    return measured


def taller_than(page: Any, selector: str, most: int) -> list[dict[str, Any]]:
    return [item for item in lines(page, selector) if item["lines"] > most]


@pytest.fixture
def phone(browser: Any, board_server: BoardServer) -> Iterator[Any]:
    context = new_context(browser, board_server, PHONE_ZH)
    yield context.new_page()
    context.close()


def test_booth_directory_is_cards_of_whole_firm_names(phone: Any) -> None:
    phone.goto("/booths")
    names = lines(phone, 'tr[data-company] a[href^="/companies/"]')
    assert len(names) >= 40, "the demo fair has dozens of firms"
    assert not taller_than(phone, 'tr[data-company] a[href^="/companies/"]', 2)
    assert_nothing_scrolls_sideways(phone)


def test_audit_log_and_recent_imports_fit_a_phone(phone: Any) -> None:
    log_in(phone, PHONE_ZH, *STAFF)
    phone.goto("/staff/audit")
    assert not taller_than(phone, "tr[data-action] td:first-child", 1), "dates wrap"
    assert not taller_than(phone, "tr[data-action] td:nth-child(2)", 2), "e-mail addresses break"
    assert_nothing_scrolls_sideways(phone)

    phone.goto("/staff/imports")  # the demo data's import is the one row
    assert not taller_than(phone, "main table tbody td", 1), "a date, an address or a number wraps"
    assert_nothing_scrolls_sideways(phone)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_staff_charts_scale_to_a_phone_with_whole_labels(
    browser: Any, board_server: BoardServer, lang: str
) -> None:
    look = Look(lang, "phone")
    context = new_context(browser, board_server, look)
    try:
        page = context.new_page()
        log_in(page, look, *STAFF)
        page.goto("/staff")
        texts = page.evaluate(CHART_TEXT)
        assert texts
        assert not [item for item in texts if item["px"] < 11], "chart text too small to read"
        assert not [item for item in texts if not item["inside"]], "chart text cut off at the edge"
        assert not [item for item in texts if item["text"].endswith("…")], "chart labels truncated"
        assert_nothing_scrolls_sideways(page)
    finally:
        context.close()


def _gap(danger: Any, harmless: Any) -> float:
    """The shortest distance between two buttons' boxes, in CSS pixels."""
    one, other = danger.bounding_box(), harmless.bounding_box()
    across = max(other["x"] - (one["x"] + one["width"]), one["x"] - (other["x"] + other["width"]), 0)
    down = max(other["y"] - (one["y"] + one["height"]), one["y"] - (other["y"] + other["height"]), 0)
    return (across**2 + down**2) ** 0.5


def assert_apart(page: Any, area: Any, danger_name: str) -> None:
    """The destructive button (or button-styled link) is at least 2rem (32 px) from every other one in
    ``area``."""
    buttons = area.locator("button, a.button")
    named = [buttons.nth(i) for i in range(buttons.count())]
    danger = next(button for button in named if button.inner_text().strip() == danger_name)
    others = [button for button in named if button.inner_text().strip() != danger_name]
    assert others, "the area has harmless buttons too"
    gaps = [_gap(danger, other) for other in others]
    assert min(gaps) >= 32, f"{page.url}: {danger_name!r} only {min(gaps):.0f} px from another button"


def test_employer_cards_start_at_the_top_and_destructive_buttons_stand_apart(
    browser: Any, board_server: BoardServer, seeder: Seeder
) -> None:
    from jobboard.applications.models import ApplicationAction
    from jobboard.jobs.models import JobAction

    look = PHONE_ZH
    employer = "phone-layout@firm.example.cn"
    seeder.employer(employer, "长春手机排版光学有限公司")
    job_id = seeder.job(employer, "光学镜头装调工程师")
    seeder.seeker("phone-layout@seeker.example.cn", "李明")
    application_id = seeder.application("phone-layout@seeker.example.cn", job_id)
    context = new_context(browser, board_server, look)
    try:
        page = context.new_page()
        log_in(page, look, employer)
        page.goto("/employer")
        bands = page.evaluate(
            """() => [...document.querySelectorAll('main .card')].map((card) => {
              const first = card.firstElementChild.getBoundingClientRect();
              const style = getComputedStyle(card);
              return first.top - card.getBoundingClientRect().top
                - parseFloat(style.paddingTop) - parseFloat(style.borderTopWidth);
            })"""
        )
        assert bands and max(bands) <= 2, f"a blank band above the cards' content: {bands}"
        card = page.locator("article.card", has_text="光学镜头装调工程师")
        assert_apart(page, card.locator(".actions"), label(look, JobAction.CLOSE))

        page.goto(f"/employer/applications/{application_id}")
        assert_apart(page, page.locator("main"), label(look, ApplicationAction.REJECT))
    finally:
        context.close()
