"""One header policy for every response of the board (pages, API, errors, files), as a ``before_send`` hook.

- A Content-Security-Policy without inline script: every script is a file under ``/static`` (the Swagger
  page too: ``SwaggerPage`` below), so a link or text someone typed can never run in the board's origin.
  A response that brings its own policy keeps it (resume downloads: ``sandbox``), as one with a stricter
  Referrer-Policy does (pages whose URL holds a token: ``no-referrer``).
- ``nosniff``, a strict Referrer-Policy, a Permissions-Policy that turns off what the board never uses,
  no framing (clickjacking of the staff pages), and HSTS under an https base URL.
- ``Cache-Control: no-store`` on everything answered to a signed-in person: pages and downloads with
  personal data must not stay in a shared kiosk's or phone's cache. Static files are never personal.
"""

from __future__ import annotations

from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

from jobboard.web.dependencies import settings_of

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # data: for the SVG icons and QR codes drawn inline
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SANDBOX = "sandbox"  # for downloads people uploaded: nothing in them runs, even if opened in the browser
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
HSTS = "max-age=31536000; includeSubDomains"
NO_STORE = "no-store"
_STATIC = "/static/"


async def apply_security_headers(message: Message, scope: Scope) -> None:
    if scope["type"] != "http" or message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers["X-Content-Type-Options"] = "nosniff"
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")  # or stricter, where a page says
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["X-Frame-Options"] = "DENY"  # frame-ancestors' elder, for old browsers
    settings = settings_of(scope)
    if settings is not None and settings.uses_https:
        headers["Strict-Transport-Security"] = HSTS
    if _signed_in(scope) and not scope.get("path", "").startswith(_STATIC):
        headers["Cache-Control"] = NO_STORE


def _signed_in(scope: Scope) -> bool:
    """The authentication middleware puts the account (or None) on the scope; unknown URLs have none."""
    user: Any = scope.get("user")
    return user is not None
