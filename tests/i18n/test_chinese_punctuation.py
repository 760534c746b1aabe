"""Chinese messages use full-width punctuation: ：（）！？；， never the ASCII marks, outside placeholders,
markup, addresses and numbers."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from tests.i18n.chinese_punctuation import ascii_marks_in_chinese
from tests.pages.page_text import PO_FILE

# Entries whose ASCII marks are right in Chinese text, and why. None today: add here with the reason.
EXCEPTIONS: dict[str, str] = {}


@pytest.fixture(scope="module")
def catalogue() -> Catalog:
    with PO_FILE.open("rb") as source:
        return read_po(source, locale="zh")


def test_the_checker_finds_ascii_marks_only_in_prose() -> None:
    assert ascii_marks_in_chinese("企业状态: %(status)s")
    assert ascii_marks_in_chinese("待审核职位 (%(count)s)")
    assert ascii_marks_in_chinese("您是不是要找:%(suggestion)s?")
    assert ascii_marks_in_chinese("第一步; 第二步, 第三步!")
    assert not ascii_marks_in_chinese("请输入以 http:// 或 https:// 开头的网址。")
    assert not ascii_marks_in_chinese("%(reason)s（填写的是“%(got)s”）")
    assert not ascii_marks_in_chinese('<a href="/jobs?q=x">激光</a> 14:30 · 1,000 元')
    assert not ascii_marks_in_chinese("Error (in English): not Chinese text")


def test_every_chinese_message_uses_full_width_punctuation(catalogue: Catalog) -> None:
    problems = []
    for message in catalogue:
        if not message.id or message.id in EXCEPTIONS:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if marks := ascii_marks_in_chinese(string or ""):
                problems.append(f"{message.id!r} -> {string!r}: {marks}")
    assert not problems, "ASCII punctuation in Chinese messages (use ：（）！？；，):\n" + "\n".join(problems)
