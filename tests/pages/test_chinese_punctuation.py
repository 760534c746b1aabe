"""Chinese pages punctuate in Chinese: no ASCII ``:()!?;,`` in the Chinese text of any page, whether it
comes from the catalogue or from the punctuation a template puts between messages."""

from __future__ import annotations

from tests.i18n.chinese_punctuation import ascii_marks_in_chinese
from tests.pages.conftest import Board
from tests.pages.page_text import page_text
from tests.pages.test_every_page import EXTRA_PAGES, _content, page_paths


def _problems(html: str, content: list[str]) -> list[str]:
    problems = []
    for chunk in page_text(html).chunks:
        if chunk.lang.startswith(("en", "raw")):
            continue
        text = chunk.text
        for value in content:  # what people typed is theirs to punctuate
            text = text.replace(value, "。")
        if marks := ascii_marks_in_chinese(text):
            problems.append(f"<{chunk.where}> {chunk.text!r} at {marks}")
    return problems


def test_no_chinese_page_has_ascii_punctuation(board: Board) -> None:
    content = _content(board)
    pages = [path for _, path in page_paths(board)]
    pages += [path for path, _, status in EXTRA_PAGES if status == 200]
    found: dict[str, list[str]] = {}
    for path in pages:
        for role, person in board.roles().items():
            separator = "&" if "?" in path else "?"
            response = person.get(f"{path}{separator}lang=zh", follow_redirects=False)
            html = response.headers.get("content-type", "").startswith("text/html")
            if response.status_code == 200 and html and (problems := _problems(response.text, content)):
                found[f"{path} as {role}"] = problems
    report = "\n".join(f"{page}:\n    " + "\n    ".join(lines) for page, lines in found.items())
    assert not found, f"ASCII punctuation in Chinese text (use ：（）！？；，):\n{report}"
