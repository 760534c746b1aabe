"""What counts as ASCII punctuation in Chinese text: ``:()!?;,`` outside placeholders, markup, addresses
and numbers, where Chinese writes the full-width ：（）！？；，."""

from __future__ import annotations

import re

ASCII_MARKS = re.compile(r"[:()!?;,]")
# Not Chinese text: placeholders, markup, web addresses and schemes, e-mail addresses, file paths, times
# (14:30), numbers with separators (1,000) and the ASCII punctuation of code such as {…}.
NOT_PROSE = re.compile(
    r"%\(\w+\)[sdif]|%[sd]|<[^>]*>|https?://\S*|[\w.+-]+@[\w.-]+|(?<![\w])/[\w/.{}:-]+|\d[:,]\d"
)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def ascii_marks_in_chinese(text: str) -> list[str]:
    """The ASCII marks of a Chinese text, each with a little context; [] for a text without Chinese."""
    prose = NOT_PROSE.sub(" ", text)
    if not CJK.search(prose):
        return []
    return [prose[max(match.start() - 6, 0) : match.end() + 6] for match in ASCII_MARKS.finditer(prose)]
