"""A firm's website as a link that works: typed without a scheme it gets ``https://``, and only web
addresses (http, https) are ever linked, so ``javascript:`` or ``data:`` never reach a page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
# A scheme as RFC 3986 writes it, not followed by a port number ("example.cn:8080" has none).
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:(?!\d)", re.IGNORECASE)


class NotAWebAddress(ValueError):
    """The text names another kind of address (``javascript:``, ``mailto:``, ``ftp://``)."""


def normalised_website(text: str) -> str:
    """The address to link to, ``""`` for none; raises ``NotAWebAddress`` or ``ValueError``."""
    text = text.strip()
    if not text:
        return ""
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise NotAWebAddress(parts.scheme)
    if not parts.hostname or any(character.isspace() for character in text):
        raise ValueError(text)
    return text


def website_link(text: str) -> str:
    """What a page may link to for a stored website (older rows were not normalised): ``""`` if none."""
    try:
        return normalised_website(text)
    except ValueError:
        return ""
