"""Tokens sent in links (password reset, e-mail verification, invitations): random, at least 256 bits,
and kept only as their SHA-256, so that a copy of the database opens no account."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> tuple[str, str]:
    """``(token, digest)``: the token goes into the link, the digest into the database."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same_digest(stored: str, token: str) -> bool:
    return hmac.compare_digest(stored, token_digest(token))
