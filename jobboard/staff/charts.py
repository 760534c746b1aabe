"""Bar charts drawn on the server as inline SVG: no script, no chart library, nothing from a CDN.

Each chart is an image with a title and a description that carries every number (``role="img"``,
``<title>``, ``<desc>``); the numbers are also printed beside the bars, and the pages show them in a table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from jobboard.core.i18n import get_locale, gettext

# Drawn for a phone: 360 units across, shown about 1:1 on a 360 px screen (the page caps its width on
# a desktop), so 14-unit text stays readable where the old 640-unit charts shrank it to 7 px.
WIDTH = 360
FONT_SIZE = 14
LINE = 18  # one line of label text
BAR_COLOUR = "#0b5cad"
INK = "#1b1f24"
MUTED = "#57606a"
GRID = "#d0d7de"
FONT = 'font-family="system-ui, sans-serif"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """A generous estimate of the text's width: Chinese characters are square, Latin ones (bold digits
    too) at most 0.7 em."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.7 for char in text)


def wrap(text: str, width: float) -> list[str]:
    """The label in lines that fit ``width``: at spaces where there are any, else between characters."""
    lines: list[str] = []
    line = ""
    for piece in re.findall(r"\S+\s*|\s+", text) if " " in text else list(text):
        if line and text_width((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() else lines or [""]


def _frame(chart_id: str, title: str, description: str, height: int, body: list[str]) -> Markup:
    """The SVG element; its width follows the page (viewBox), its text stays readable when printed."""
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="{FONT_SIZE}">'
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


def _empty(chart_id: str, title: str, empty_text: str) -> Markup:
    return _frame(
        chart_id, title, empty_text, 40, [f'<text x="0" y="24" fill="{MUTED}">{escape(empty_text)}</text>']
    )


def horizontal_bars(chart_id: str, title: str, bars: Sequence[Bar], *, empty_text: str) -> Markup:
    """Per bar its whole label above it (wrapped, never cut short) and the number after the bar."""
    if not bars:
        return _empty(chart_id, title, empty_text)
    bar_height, gap = 14, 10
    peak = max(bar.value for bar in bars) or 1
    room = WIDTH - 6 - max(text_width(str(bar.value)) for bar in bars)
    body: list[str] = []
    y = 4
    for bar in bars:
        lines = wrap(bar.label, WIDTH)
        label = "".join(
            f'<tspan x="0" dy="{LINE if index else 0}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        top = y + LINE * len(lines) + 2
        length = max(round(room * bar.value / peak), 1)
        body.append(
            f"<g><title>{escape(bar_text(bar))}</title>"
            f'<text x="0" y="{y + FONT_SIZE}" fill="{INK}">{label}</text>'
            f'<rect x="0" y="{top}" width="{length}" height="{bar_height}" fill="{BAR_COLOUR}" rx="3"/>'
            f'<text x="{length + 6}" y="{top + bar_height - 2}" fill="{INK}" font-weight="600">'
            f"{bar.value}</text></g>"
        )
        y = top + bar_height + gap
    return _frame(chart_id, title, describe(bars), y, body)


def columns(chart_id: str, title: str, bars: Sequence[Bar], *, empty_text: str) -> Markup:
    """Vertical bars along a time axis (applications per day); the value sits on top of each bar while
    there is room for it, and dates are labelled as often as they fit side by side."""
    if not bars:
        return _empty(chart_id, title, empty_text)
    height, bottom, top, small = 200, 26, 22, 13
    peak = max(bar.value for bar in bars) or 1
    slot = WIDTH / len(bars)
    bar_width = max(min(slot * 0.7, 40), 2)
    plot = height - bottom - top
    widest_value = max(text_width(str(bar.value), small) for bar in bars)
    widest_label = max(text_width(bar.label, small) for bar in bars)
    label_every = math.ceil((widest_label + 8) / slot)
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
        if widest_value + 2 <= slot:
            parts.append(
                f'<text x="{centre:.1f}" y="{y - 5}" text-anchor="middle" fill="{INK}" '
                f'font-size="{small}">{bar.value}</text>'
            )
        if index % label_every == 0:
            half = text_width(bar.label, small) / 2
            at = min(max(centre, half), WIDTH - half)  # the first and last dates stay inside the chart
            parts.append(
                f'<text x="{at:.1f}" y="{height - 8}" text-anchor="middle" fill="{MUTED}" '
                f'font-size="{small}">{escape(bar.label)}</text>'
            )
        body.append("".join(parts) + "</g>")
    return _frame(chart_id, title, describe(bars), height, body)
