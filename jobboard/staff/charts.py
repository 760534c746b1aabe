"""Bar charts drawn on the server as inline SVG: no script, no chart library, nothing from a CDN.

Each chart is an image with a title and a description that carries every number (``role="img"``,
``<title>``, ``<desc>``); the numbers are also printed beside the bars, and the pages show them in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from jobboard.core.i18n import get_locale, gettext

WIDTH = 640
BAR_COLOUR = "#0b5cad"
INK = "#1b1f24"
MUTED = "#57606a"
GRID = "#d0d7de"
FONT = 'font-family="system-ui, sans-serif"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _frame(chart_id: str, title: str, description: str, height: int, body: list[str]) -> Markup:
    """The SVG element; its width follows the page (viewBox), its text stays readable when printed."""
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="13">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


_SEPARATOR = {"zh": "；"}  # between bars in a description, as the reader's language punctuates


def bar_text(bar: Bar) -> str:
    """'Optics: 12' in English, '光学：12' in Chinese."""
    return gettext("%(label)s: %(value)s", label=bar.label, value=bar.value)


def describe(bars: Sequence[Bar]) -> str:
    """Every bar in words, for the chart's description: 'Optics: 12; Chips: 7'."""
    return _SEPARATOR.get(get_locale(), "; ").join(bar_text(bar) for bar in bars)


def horizontal_bars(chart_id: str, title: str, bars: Sequence[Bar], *, empty_text: str) -> Markup:
    """One row per bar, the label on the left and the number after the bar (for categories and firms)."""
    row, top, label_width = 30, 8, 210
    height = max(top * 2 + row * len(bars), 40)
    if not bars:
        return _frame(
            chart_id,
            title,
            empty_text,
            height,
            [f'<text x="0" y="24" fill="{MUTED}">{escape(empty_text)}</text>'],
        )
    peak = max(bar.value for bar in bars) or 1
    room = WIDTH - label_width - 60
    body: list[str] = []
    for index, bar in enumerate(bars):
        y = top + index * row
        length = round(room * bar.value / peak)
        body.append(
            f"<g><title>{escape(bar_text(bar))}</title>"
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" fill="{INK}">'
            f"{escape(_shorten(bar.label, 16))}</text>"
            f'<rect x="{label_width}" y="{y + 5}" width="{max(length, 1)}" height="{row - 10}" '
            f'fill="{BAR_COLOUR}" rx="3"/>'
            f'<text x="{label_width + max(length, 1) + 6}" y="{y + 19}" fill="{INK}" font-weight="600">'
            f"{bar.value}</text></g>"
        )
    return _frame(chart_id, title, describe(bars), height, body)


def columns(chart_id: str, title: str, bars: Sequence[Bar], *, empty_text: str) -> Markup:
    """Vertical bars along a time axis (applications per day); the value sits on top of each bar."""
    height, bottom, top = 220, 30, 24
    if not bars:
        return _frame(
            chart_id,
            title,
            empty_text,
            60,
            [f'<text x="0" y="24" fill="{MUTED}">{escape(empty_text)}</text>'],
        )
    peak = max(bar.value for bar in bars) or 1
    slot = WIDTH / len(bars)
    bar_width = max(min(slot * 0.7, 48), 2)
    plot = height - bottom - top
    label_every = max(1, round(len(bars) / 12))  # at most about a dozen date labels
    body = [f'<line x1="0" x2="{WIDTH}" y1="{height - bottom}" y2="{height - bottom}" stroke="{GRID}"/>']
    for index, bar in enumerate(bars):
        x = index * slot + (slot - bar_width) / 2
        length = round(plot * bar.value / peak)
        y = height - bottom - length
        centre = x + bar_width / 2
        parts = [
            f"<g><title>{escape(bar_text(bar))}</title>",
            f'<rect x="{x:.1f}" y="{y}" width="{bar_width:.1f}" height="{max(length, 0)}" '
            f'fill="{BAR_COLOUR}"/>',
        ]
        if len(bars) <= 31:
            parts.append(
                f'<text x="{centre:.1f}" y="{y - 5}" text-anchor="middle" fill="{INK}" '
                f'font-size="12">{bar.value}</text>'
            )
        if index % label_every == 0:
            parts.append(
                f'<text x="{centre:.1f}" y="{height - 10}" text-anchor="middle" fill="{MUTED}" '
                f'font-size="12">{escape(bar.label)}</text>'
            )
        body.append("".join(parts) + "</g>")
    return _frame(chart_id, title, describe(bars), height, body)
