"""Rate limits on signing in, signing up, mails to an account and applying, keyed on the account and on
the client's address.

Litestar's own ``RateLimitMiddleware`` believes any ``X-Forwarded-For`` header, so that a client can reset
its limit by sending a new one. Here the address is the peer's, unless the peer is one of
``JOBBOARD_TRUSTED_PROXIES``: only then is ``X-Forwarded-For`` read, from the right, skipping the trusted
proxies, and its first untrusted address is the client's.

Each rule and key counts in a window opened by its first attempt (``CountingStore.increment``): in Redis
when configured, shared by every worker and node, otherwise in the process. Keys are HMACs of the e-mail
address or client address, so the store holds no personal data in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from litestar.background_tasks import BackgroundTask
from litestar.connection import ASGIConnection, Request
from litestar.exceptions import TooManyRequestsException
from litestar.handlers.base import BaseRouteHandler

from jobboard.core.settings import Settings
from jobboard.web.stores import CountingStore

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


# Per-address limits are generous: the fair's visitors share the venue's Wi-Fi and mobile carriers' NAT.
DEFAULT_LIMITS: dict[str, Limit] = {
    "login_account": Limit(10, 900),  # sign-in attempts per e-mail address since its last success
    "login_address": Limit(300, 300),
    "register_address": Limit(100, 600),
    "apply_account": Limit(30, 3600),  # applications per job seeker
    "apply_address": Limit(300, 600),
    # Sign-ups, "forgot password" and "send it again" for one address: each may mail it.
    "account_mail": Limit(10, 3600),
    "recovery_address": Limit(100, 600),
}


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip().strip('"')
    if value.startswith("["):  # [v6]:port
        value = value[1 : value.find("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_address(scope: Any, trusted: Sequence[IPNetwork]) -> str:
    """The client's address as the configured proxies report it; the peer's own when it is no proxy."""
    peer = (scope.get("client") or ("unknown", 0))[0]
    peer_ip = _ip(peer)
    if not trusted or peer_ip is None or not any(peer_ip in network for network in trusted):
        return peer
    forwarded: list[str] = []
    for name, value in scope.get("headers", []):
        if name == b"x-forwarded-for":
            forwarded += value.decode("latin-1").split(",")
    for hop in reversed(forwarded):
        hop_ip = _ip(hop)
        if hop_ip is None:
            return peer  # garbage in the chain: do not go further than what a trusted proxy wrote
        if not any(hop_ip in network for network in trusted):
            return str(hop_ip)
    return str(_ip(forwarded[0])) if forwarded and _ip(forwarded[0]) else peer


class RateLimiter:
    def __init__(self, store: CountingStore, settings: Settings) -> None:
        self.store = store
        self.secret = settings.secret_key.encode()
        self.limits = DEFAULT_LIMITS | {
            name: Limit(count, seconds) for name, (count, seconds) in settings.rate_limits.items()
        }
        self.trusted = parse_networks(settings.trusted_proxies)

    def _key(self, rule: str, value: str) -> str:
        digest = hmac.new(self.secret, f"{rule}\0{value}".encode(), hashlib.sha256).hexdigest()[:32]
        return f"{rule}:{digest}"

    async def hit(self, rule: str, value: str) -> None:
        """Counts one attempt; raises 429 (with Retry-After) when the rule's limit is passed.

        A window opens at a key's first attempt and lasts the rule's seconds; the first attempt after it
        opens the next one."""
        limit = self.limits[rule]
        key = self._key(rule, value)
        count = await self.store.increment(key, limit.seconds)
        if count > limit.count:
            seconds_left = await self.store.expires_in(key)
            retry_after = max(1, limit.seconds if seconds_left is None else seconds_left)
            raise TooManyRequestsException(detail="rate_limited", headers={"Retry-After": str(retry_after)})

    async def reset(self, rule: str, value: str) -> None:
        await self.store.delete(self._key(rule, value))


RATE_LIMITER_KEY = "rate_limiter"  # in the app's state: guards get no injection


def _limiter(connection: ASGIConnection[Any, Any, Any, Any]) -> RateLimiter:
    limiter: RateLimiter = connection.app.state[RATE_LIMITER_KEY]
    return limiter


def account_key(email: str) -> str:
    """How an account is named in its sign-in counter, whatever case or spaces were typed."""
    return email.strip().lower()


def forget_failed_sign_ins(connection: ASGIConnection[Any, Any, Any, Any], email: str) -> BackgroundTask:
    """After a successful sign-in, once the answer is sent: the account's failed attempts are forgotten,
    so that people who sign in on several devices never meet the per-account limit."""
    return BackgroundTask(_limiter(connection).reset, "login_account", account_key(email))


Keys = Callable[[ASGIConnection[Any, Any, Any, Any]], Awaitable[list[tuple[str, str]]]]


def rate_limited(keys: Keys) -> Callable[..., Awaitable[None]]:
    """A guard: each (rule, value) that ``keys`` names counts one attempt."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        limiter = _limiter(connection)
        for rule, value in await keys(connection):
            if value:
                await limiter.hit(rule, value)

    return guard


def _address(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    return client_address(connection.scope, _limiter(connection).trusted)


async def _login_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    return [("login_address", _address(connection)), ("login_account", await _typed_email(connection))]


async def _password_change_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    """Guessing the current password from a signed-in session counts as failed sign-ins do."""
    user = connection.scope.get("user")
    return [("login_account", account_key(str(getattr(user, "email", "") or "")))]


async def _typed_email(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    # The CSRF middleware parsed the form already; this reads it from the connection's cache.
    form = await Request(connection.scope, connection.receive).form()
    return account_key(str(form.get("email") or ""))


async def _register_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    return [("register_address", _address(connection)), ("account_mail", await _typed_email(connection))]


async def _recovery_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    return [("recovery_address", _address(connection)), ("account_mail", await _typed_email(connection))]


async def _resend_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    user = connection.scope.get("user")
    return [("account_mail", account_key(str(getattr(user, "email", "") or "")))]


async def _apply_keys(connection: ASGIConnection[Any, Any, Any, Any]) -> list[tuple[str, str]]:
    user = connection.scope.get("user")
    account = str(getattr(user, "id", "") or "")
    return [("apply_address", _address(connection)), ("apply_account", account)]


login_rate_limit = rate_limited(_login_keys)
register_rate_limit = rate_limited(_register_keys)
apply_rate_limit = rate_limited(_apply_keys)
recovery_rate_limit = rate_limited(_recovery_keys)
resend_rate_limit = rate_limited(_resend_keys)
password_change_rate_limit = rate_limited(_password_change_keys)
