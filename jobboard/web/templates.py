"""The Jinja environment: gettext, label, money, city and major filters, the reader's locale on every page."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from markupsafe import Markup, escape

from jobboard.core.i18n import HTML_LANG, LOCALE_NAMES, LOCALES, N_, get_locale, gettext, ngettext
from jobboard.core.labels import label
from jobboard.core.settings import PROJECT_ROOT
from jobboard.core.state_machine import StateMachine
from jobboard.core.text import bilingual, local_date, local_datetime, number, salary_text, written_in
from jobboard.core.vocabulary import city, majors
from jobboard.web.dependencies import settings_of

TEMPLATES_DIR = PROJECT_ROOT / "templates"


FALLBACK_MARKERS = {"zh": N_("(in Chinese)"), "en": N_("(in English)")}


def fallback_marker(language: str) -> Markup:
    """Tells the reader that what precedes is in the other language, because theirs is missing."""
    return Markup('<small class="fallback">{}</small>').format(gettext(FALLBACK_MARKERS[language]))


def bilingual_html(primary_zh: str, english: str) -> Markup:
    """The reader's language first; else the other one, with its ``lang`` and a marker saying so."""
    reader = get_locale()
    wanted, other = (english, primary_zh) if reader == "en" else (primary_zh, english)
    if reader == "zh" and primary_zh == english:
        wanted = ""  # English copied into the Chinese field (older foreign postings): marked as English
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


def base_url(context: Mapping[str, Any]) -> str:
    """The board's public address (``JOBBOARD_BASE_URL``) without a trailing slash; "" outside a request."""
    request = context.get("request")
    settings = settings_of(request.scope) if request is not None else None
    return settings.base_url.rstrip("/") if settings is not None else ""


@pass_context
def absolute_url(context: Mapping[str, Any], path: str) -> str:
    """``path`` on the board's public address (``JOBBOARD_BASE_URL``), for links shared outside the site."""
    return f"{base_url(context)}{path}"


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


def create_environment(
    templates_dir: Path = TEMPLATES_DIR,
    *,
    auto_reload: bool = False,
    extra_globals: Mapping[str, Any] | None = None,
) -> Environment:
    """The pages' environment; ``extra_globals`` are what the domains add (``web`` imports none of them)."""
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
        label=label,
        salary=salary_text,
        local_date=local_date,
        local_datetime=local_datetime,
        number=number,
        city=city,
        majors=majors,
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
        html_lang_of=HTML_LANG.get,
        flashes=flashes,
        actions_for=actions_for,
    )
    environment.globals.update(extra_globals or {})
    return environment


def create_template_config(
    *, auto_reload: bool = False, extra_globals: Mapping[str, Any] | None = None
) -> TemplateConfig[JinjaTemplateEngine]:
    environment = create_environment(auto_reload=auto_reload, extra_globals=extra_globals)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment))
