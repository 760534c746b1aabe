"""Chooses each request's language and remembers an explicit choice in a cookie."""

from __future__ import annotations

from urllib.parse import parse_qs

from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from jobboard.core.i18n import LOCALES, negotiate_locale, set_locale
from jobboard.web.dependencies import settings_of

LOCALE_COOKIE = "lang"
ONE_YEAR = 365 * 24 * 3600


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                cookie_name, _, cookie_value = part.strip().partition("=")
                if cookie_name == name:
                    return cookie_value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    return next((value.decode("latin-1") for key, value in scope.get("headers", []) if key == name), None)


def _query_lang(scope: Scope) -> str | None:
    return parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]


def locale_for(scope: Scope) -> str:
    """The reader's language for this request: ``?lang=``, then the cookie, then Accept-Language."""
    return negotiate_locale(
        _query_lang(scope), _cookie(scope, LOCALE_COOKIE), _header(scope, b"accept-language")
    )


def use_request_locale(scope: Scope) -> str:
    """Sets the locale from the request itself: for answers that bypass the middleware (unknown URLs)."""
    locale = locale_for(scope)
    set_locale(locale)
    scope.setdefault("state", {})["locale"] = locale
    return locale


class LocaleMiddleware(ASGIMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        query_lang = _query_lang(scope)
        locale = use_request_locale(scope)
        if scope.get("path", "").startswith("/static/"):
            await next_app(scope, receive, send)
            return

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                # The same URL answers in either language: a cache must keep one copy per language.
                headers.add("vary", "Accept-Language, Cookie")
                if query_lang in LOCALES:
                    settings = settings_of(scope)
                    secure = bool(settings and settings.uses_https)  # as the session and CSRF cookies
                    cookie = Cookie(
                        key=LOCALE_COOKIE,
                        value=locale,
                        max_age=ONE_YEAR,
                        samesite="lax",
                        httponly=True,
                        secure=secure,
                    )
                    headers.add("set-cookie", cookie.to_header(header=""))
            await send(message)

        await next_app(scope, receive, send_with_language)
