"""Two languages everywhere: Simplified Chinese (default) and English, through Babel catalogues.

Message ids are English. The Chinese catalogue (``translations/zh/LC_MESSAGES/messages.po``) is
compiled in memory when first needed, so a fresh checkout needs no build step and never runs a stale
``.mo``. The locale of the current request lives in a context variable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = ("zh", "en")
DEFAULT_LOCALE = "zh"
LOCALE_NAMES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"

_current_locale: ContextVar[str] = ContextVar("locale", default=DEFAULT_LOCALE)


@cache
def translations(locale: str) -> NullTranslations:
    po_file = TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not po_file.exists():
        return NullTranslations()
    with po_file.open("rb") as source:
        catalog = read_po(source, locale=locale)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled)


def get_locale() -> str:
    return _current_locale.get()


def set_locale(locale: str) -> None:
    _current_locale.set(locale if locale in LOCALES else DEFAULT_LOCALE)


@contextmanager
def locale_scope(locale: str) -> Iterator[None]:
    token = _current_locale.set(locale)
    try:
        yield
    finally:
        _current_locale.reset(token)


def gettext(message: str, **params: object) -> str:
    text = translations(get_locale()).gettext(message)
    return text % params if params else text


def ngettext(singular: str, plural: str, n: int, **params: object) -> str:
    text = translations(get_locale()).ngettext(singular, plural, n)
    return text % ({"num": n} | params)


_ = gettext


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated later, where it is shown."""
    return message


def negotiate_locale(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the cookie, then the browser's Accept-Language (by q-value), then Chinese."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LOCALES:
            return str(candidate)
    return preferred_locale(accept_language) or DEFAULT_LOCALE


def preferred_locale(accept_language: str | None) -> str | None:
    """The supported language the browser likes best: highest q first, then the order given; q=0 refuses.

    ``zh-TW`` and ``zh-Hant`` map to the Chinese pages too (Simplified is the only Chinese there is);
    ``*`` means any language, which is the default one.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "")[:1000].split(",")):
        tag, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.lower().split("-")[0]
        if primary == "*":
            primary = DEFAULT_LOCALE
        if primary in LOCALES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None
