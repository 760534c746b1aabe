"""The Jinja environment: gettext, label and money filters, and the reader's locale on every page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from markupsafe import Markup, escape

from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.core.i18n import HTML_LANG, LOCALE_NAMES, LOCALES, N_, get_locale, gettext, ngettext
from jobboard.core.labels import label
from jobboard.core.settings import PROJECT_ROOT
from jobboard.core.state_machine import StateMachine
from jobboard.web.discovery import job_posting

TEMPLATES_DIR = PROJECT_ROOT / "templates"


def salary_text(job: Any) -> str:
    """15-25K·14薪 in Chinese; CNY 15k–25k a month, 14 months in English; 面议 when negotiable."""
    if job.salary_min is None or job.salary_max is None:
        return gettext("Negotiable")
    low, high = _thousands(job.salary_min), _thousands(job.salary_max)
    months = job.salary_months
    if get_locale() == "zh":
        return f"{low}-{high}K" + (f"·{months}薪" if months != 12 else "")
    text = f"CNY {low}k–{high}k a month"
    return text + (f", {months} months" if months != 12 else "")


def _thousands(amount: int) -> str:
    value = amount / 1000
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def local_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(FAIR_TIMEZONE).date()
    if get_locale() == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return format_date(value, format="medium", locale="en")  # Mar 12, 2026


def local_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    moment = value.astimezone(FAIR_TIMEZONE)
    return f"{local_date(moment)} {moment:%H:%M}"


def number(value: int | float | None) -> str:
    """1,234 in both languages, by the locale's own rules."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"  # zh and en both group whole numbers by thousands with a comma; Babel is slow
    return "" if value is None else format_decimal(value, locale=HTML_LANG[get_locale()].replace("-", "_"))


def bilingual(primary_zh: str, english: str) -> str:
    """The reader's language first, falling back to the other (plain text, for titles and attributes)."""
    if get_locale() == "en":
        return english or primary_zh
    return primary_zh or english


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)  # called for every job on every results page, with the same few thousand texts
def written_in(text: str) -> str:
    """The language a free text is written in, roughly: Chinese if it has more Han characters than letters."""
    han, letters = len(_CJK.findall(text or "")), len(_LATIN.findall(text or ""))
    return "zh" if han and han * 2 >= letters else "en"


FALLBACK_MARKERS = {"zh": N_("(in Chinese)"), "en": N_("(in English)")}


def fallback_marker(language: str) -> Markup:
    """Tells the reader that what precedes is in the other language, because theirs is missing."""
    return Markup('<small class="fallback">{}</small>').format(gettext(FALLBACK_MARKERS[language]))


def bilingual_html(primary_zh: str, english: str) -> Markup:
    """The reader's language first; else the other one, with its ``lang`` and a marker saying so."""
    reader = get_locale()
    wanted, other = (english, primary_zh) if reader == "en" else (primary_zh, english)
    if wanted or not other:
        return escape(wanted)
    shown = "zh" if reader == "en" else "en"
    return Markup('<span lang="{}">{}</span> {}').format(HTML_LANG[shown], other, fallback_marker(shown))


@pass_context
def lang_url(context: Mapping[str, Any], locale: str) -> str:
    """This page in another language: same path, same query, only ``lang`` changed."""
    request = context.get("request")
    if request is None:
        return f"?lang={locale}"
    params = [(key, value) for key, value in request.query_params.multi_items() if key != "lang"]
    return f"{request.url.path}?{urlencode([*params, ('lang', locale)])}"


@pass_context
def query_with(context: Mapping[str, Any], **changes: Any) -> str:
    """This page's query string with some parameters set (or removed, given ``None``), back on page 1."""
    request = context.get("request")
    params = dict(request.query_params.items()) if request is not None else {}
    params = {key: value for key, value in params.items() if key not in ("page", "lang") and value}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return urlencode(params)


def _base_url(context: Mapping[str, Any]) -> str:
    request = context.get("request")
    settings = getattr(request.app.state, "settings", None) if request is not None else None
    return settings.base_url.rstrip("/") if settings is not None else ""


@pass_context
def absolute_url(context: Mapping[str, Any], path: str) -> str:
    """``path`` on the board's public address (``JOBBOARD_BASE_URL``), for links shared outside the site."""
    return f"{_base_url(context)}{path}"


@pass_context
def job_posting_ld(context: Mapping[str, Any], job: Any, company: Any) -> dict[str, Any]:
    """The schema.org JobPosting of a job page; render it with ``| tojson`` (which escapes ``</script>``)."""
    return job_posting(job, company, _base_url(context))


@pass_context
def flashes(context: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Messages left by the previous request; none on pages served without a session (unknown URLs)."""
    request = context.get("request")
    if request is None or "session" not in request.scope:
        return []
    return request.session.pop("_messages", [])


@pass_context
def actions_for(context: Mapping[str, Any], machine: StateMachine[Any, Any], state: StrEnum) -> list[StrEnum]:
    """The buttons a page offers on a record: what the signed-in person's role may do from its state."""
    request = context.get("request")
    user = request.scope.get("user") if request is not None else None
    return machine.actions_for(state, user.role) if user is not None else []


def create_environment(templates_dir: Path = TEMPLATES_DIR, *, auto_reload: bool = False) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(templates_dir),
        auto_reload=auto_reload,  # checking every template file's time on every page costs; debug only
        autoescape=select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    environment.filters.update(
        label=label, salary=salary_text, local_date=local_date, local_datetime=local_datetime, number=number
    )
    environment.globals.update(
        current_locale=get_locale,
        html_lang=lambda: HTML_LANG[get_locale()],
        locales=LOCALES,
        locale_names=LOCALE_NAMES,
        bilingual=bilingual,
        bilingual_html=bilingual_html,
        written_in=written_in,
        fallback_marker=fallback_marker,
        lang_url=lang_url,
        query_with=query_with,
        absolute_url=absolute_url,
        job_posting_ld=job_posting_ld,
        html_lang_of=HTML_LANG.get,
        flashes=flashes,
        actions_for=actions_for,
    )
    return environment


def create_template_config(*, auto_reload: bool = False) -> TemplateConfig[JinjaTemplateEngine]:
    environment = create_environment(auto_reload=auto_reload)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment))
