"""A mail reads in its recipient's language, as text and as the same text in HTML, with no tracking."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from jobboard.mail.rendering import render_mail


def test_a_mail_in_each_language_with_its_links_on_the_boards_address() -> None:
    zh = render_mail("example", {"name": "李明"}, "zh", "https://jobs.example.cn/")
    en = render_mail("example", {"name": "Li Ming"}, "en", "https://jobs.example.cn")
    assert zh.subject == "招聘会网站的测试邮件"
    assert zh.text.startswith("李明，您好：")
    assert en.subject == "A test mail from the job board"
    assert en.text.startswith("Hello Li Ming,")
    for mail in (zh, en):
        assert "https://jobs.example.cn/jobs" in mail.text
        assert '<a href="https://jobs.example.cn/jobs">' in mail.html
        assert "<img" not in mail.html  # no tracking pixel, no remote image


def test_what_the_html_part_shows_is_escaped() -> None:
    mail = render_mail("example", {"name": "<b>李明</b>"}, "zh", "https://jobs.example.cn")
    assert "<b>李明</b>" in mail.text
    assert "&lt;b&gt;李明&lt;/b&gt;" in mail.html and "<b>李明" not in mail.html


def test_a_value_missing_from_a_mail_fails_loudly() -> None:
    with pytest.raises(UndefinedError):
        render_mail("example", {}, "en", "https://jobs.example.cn")
