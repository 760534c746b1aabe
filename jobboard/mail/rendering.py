"""A mail rendered in its recipient's language: subject, plain text, and HTML made from that text.

Each mail is one template, ``templates/mail/<name>.txt``: it extends ``mail/base.txt``, fills its
``content`` block and gives the subject in a ``subject`` block. The HTML part is the same text, escaped,
in paragraphs, with its web addresses as links: the two parts cannot say different things, and nothing
in either tracks the reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from jobboard.core.i18n import gettext, locale_scope, ngettext
from jobboard.core.settings import PROJECT_ROOT
from jobboard.core.text import local_date, local_datetime

TEMPLATES_DIR = PROJECT_ROOT / "templates"
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@cache
def _environment(*, html: bool) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=html,
        undefined=StrictUndefined,  # a mail missing a value fails in tests, not in someone's inbox
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    environment.filters.update(local_date=local_date, local_datetime=local_datetime)
    return environment


def _block(template: Any, name: str, context: Any) -> str:
    return "".join(template.blocks[name](context)).strip()


def _linked(paragraph: str) -> Markup:
    parts: list[Markup] = []
    last = 0
    for match in _WEB_ADDRESS.finditer(paragraph):
        parts.append(escape(paragraph[last : match.start()]))
        address = match.group(0)
        parts.append(Markup('<a href="{0}">{0}</a>').format(address))
        last = match.end()
    parts.append(escape(paragraph[last:]))
    return Markup("").join(parts).replace("\n", Markup("<br>\n"))


def render_mail(template: str, context: Mapping[str, Any], language: str, base_url: str) -> RenderedMail:
    """``url(path)`` in a template is ``path`` on the board's public address."""
    base_url = base_url.rstrip("/")
    values = {**context, "base_url": base_url, "url": lambda path: f"{base_url}{path}"}
    with locale_scope(language):
        source = _environment(html=False).get_template(f"mail/{template}.txt")
        rendered = source.new_context(values)
        subject = " ".join(_block(source, "subject", rendered).split())
        text = source.render(values).strip() + "\n"
        paragraphs = [_linked(part.strip()) for part in re.split(r"\n\s*\n", text) if part.strip()]
        html = (
            _environment(html=True)
            .get_template("mail/layout.html")
            .render(subject=subject, paragraphs=paragraphs, language=language)
        )
    return RenderedMail(subject=subject, text=text, html=html)
