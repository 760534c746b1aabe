"""Highlighted snippets: the text is HTML-escaped, and only our own ``<mark>`` tags are added.

Spans come from the same analysis as the index, so 激光 is marked inside 光纤激光器 and "lasers"
for a search of "laser"; overlapping sub-words are merged into one mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from jobboard.search.analysis.analyzer import LATIN_WORDS, normalize
from jobboard.search.analysis.lexicon import stem_word
from jobboard.search.analysis.script import is_han

ELLIPSIS = "…"


def matched_spans(
    text: str, terms: set[str], prefixes: Iterable[str] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """The text to show and the merged spans of matched words in it.

    No segmentation needed: a Han term is a dictionary word, marked wherever it occurs (that is
    where the index found it, sub-words included); Latin words are compared by their stems.
    """
    normalized = normalize(text)
    # Offsets are in normalized text; they fit the original as long as the lengths agree
    # (NFKC and Traditional→Simplified nearly always map one character to one character).
    shown = text if len(normalized) == len(text) else normalized
    spans: list[tuple[int, int]] = []
    han = sorted({term for term in terms if is_han(term)} | set(prefixes), key=len, reverse=True)
    if han:
        pattern = re.compile("|".join(re.escape(term) for term in han))
        spans.extend(match.span() for match in pattern.finditer(normalized))
    if any(not is_han(term) for term in terms):
        spans.extend(
            match.span()
            for match in LATIN_WORDS.finditer(normalized)
            if stem_word(match.group()) in terms or match.group() in terms
        )
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return shown, merged


def render(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    parts: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return "".join(parts)


def highlight_all(text: str, terms: set[str], prefixes: Iterable[str] = ()) -> str:
    shown, spans = matched_spans(text, terms, prefixes)
    return render(shown, spans)


def best_fragment(
    texts: Iterable[str], terms: set[str], prefixes: Iterable[str] = (), size: int = 120
) -> str:
    """The window of ``size`` characters with the most matches, from the text that has most."""
    best: tuple[int, str, list[tuple[int, int]], int] | None = None
    for text in texts:
        if not text:
            continue
        shown, spans = matched_spans(text, terms, prefixes)
        window_start, hits = 0, 0
        for index, (span_start, _end) in enumerate(spans):
            count = sum(1 for other_start, _ in spans[index:] if other_start < span_start + size)
            if count > hits:
                window_start, hits = max(0, span_start - size // 6), count
        if best is None or hits > best[0]:
            best = (hits, shown, spans, window_start)
    if best is None:
        return ""
    _hits, shown, spans, window_start = best
    window_end = min(len(shown), window_start + size)
    window_start = max(0, min(window_start, window_end - size))
    return render(shown, spans, window_start, window_end)
