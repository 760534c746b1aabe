"""Settings read from ``JOBBOARD_*`` environment variables, with embedded defaults under ``var/``."""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = PROJECT_ROOT / "var"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(f"JOBBOARD_{name}")
    return value if value not in (None, "") else default


def _persistent_secret_key() -> str:
    """A key generated once and kept under var/, so sessions survive restarts without configuration."""
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: f"sqlite:///{VAR_DIR / 'jobboard.sqlite3'}")
    index_dir: Path = PROJECT_ROOT / "search_index"
    upload_dir: Path = VAR_DIR / "uploads"
    secret_key: str = ""
    base_url: str = "http://127.0.0.1:8000"
    redis_url: str | None = None
    debug: bool = False
    # Operations (production mode)
    redis_namespace: str = "jobboard"  # key prefix, so that several boards can share one Redis
    log_format: str = "text"  # "json": one JSON object per line
    trusted_proxies: tuple[str, ...] = ()  # addresses or networks whose X-Forwarded-For is believed
    allowed_hosts: tuple[str, ...] = ()  # empty: the base URL's host, where `serve` binds, loopback
    served_at: tuple[str, int] | None = None  # the host and port `jobboard serve` binds, told to workers
    ready_max_lag: float = 30.0  # /readyz fails when the index is this many seconds behind the outbox
    rate_limits: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule: (count, seconds)
    # Mail: ``smtp://user:pass@host:587`` (STARTTLS when offered; required with a password),
    # ``smtps://user:pass@host:465`` (TLS from the start), ``smtp://host:25`` (a local relay). None: mails
    # are kept for staff to read (the embedded default).
    smtp_url: str | None = None
    mail_from: str = ""  # "光博会招聘会 <jobs@example.cn>"; empty: noreply@ the base URL's host
    # At most one digest mail a person this often: new applicants to firm members, reviews to staff.
    applicant_digest_minutes: int = 15

    @classmethod
    def from_env(cls) -> Settings:
        served_at = _address(os.environ.get(SERVE_ADDRESS_VARIABLE))
        return cls(
            database_url=_env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'jobboard.sqlite3'}",
            index_dir=Path(_env("INDEX_DIR") or PROJECT_ROOT / "search_index"),
            upload_dir=Path(_env("UPLOAD_DIR") or VAR_DIR / "uploads"),
            secret_key=_env("SECRET_KEY") or _persistent_secret_key(),
            base_url=(_env("BASE_URL") or _served_url(served_at)).rstrip("/"),
            redis_url=_env("REDIS_URL"),
            debug=_env("DEBUG", "0") == "1",
            redis_namespace=_env("REDIS_NAMESPACE") or "jobboard",
            log_format=(_env("LOG_FORMAT") or "text").lower(),
            trusted_proxies=_split(_env("TRUSTED_PROXIES")),
            allowed_hosts=_split(_env("ALLOWED_HOSTS")),
            ready_max_lag=float(_env("READY_MAX_LAG") or 30),
            rate_limits=_rate_limits(_env("RATE_LIMITS")),
            smtp_url=_env("SMTP_URL"),
            mail_from=_env("MAIL_FROM") or "",
            served_at=served_at,
            applicant_digest_minutes=int(_env("APPLICANT_DIGEST_MINUTES") or 15),
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def uses_https(self) -> bool:
        return self.base_url.startswith("https://")

    @property
    def mail_sender(self) -> str:
        """The From header of every mail."""
        return self.mail_from or f"noreply@{urlsplit(self.base_url).hostname or 'localhost'}"

    @property
    def host_names(self) -> list[str]:
        """What the Host header may say. Litestar compares the whole header, port included."""
        base = urlsplit(self.base_url)
        names = self.allowed_hosts or (base.hostname or "", *LOOPBACK_NAMES, *self._served_names())
        if "*" in names:
            return ["*"]
        ports = [port for port in (base.port, self.served_at and self.served_at[1]) if port]
        hosts: list[str] = []
        for name in names:
            name = f"[{name}]" if ":" in name and not name.startswith("[") else name
            hosts.append(name)
            if ":" not in name.rsplit("]", 1)[-1]:  # a name given with its port keeps only that one
                hosts.extend(f"{name}:{port}" for port in ports)
        return list(dict.fromkeys(host for host in hosts if host and host != "[]"))

    def _served_names(self) -> tuple[str, ...]:
        """The bound host; for a wildcard bind (every interface), this machine's names and addresses."""
        if self.served_at is None:
            return ()
        host = self.served_at[0]
        return _machine_names() if host in WILDCARD_HOSTS else (host,)


SERVE_ADDRESS_VARIABLE = "JOBBOARD_SERVE_ADDRESS"  # "host:port", set by `jobboard serve` for its workers
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", "[::]", ""})


def _address(value: str | None) -> tuple[str, int] | None:
    host, _, port = (value or "").rpartition(":")
    return (host, int(port)) if port.isdigit() else None


def _served_url(served_at: tuple[str, int] | None) -> str:
    """Without a base URL, links point to where the board is served (loopback for a wildcard bind)."""
    if served_at is None:
        return "http://127.0.0.1:8000"
    host, port = served_at
    host = "127.0.0.1" if host in WILDCARD_HOSTS else host
    return f"http://{f'[{host}]' if ':' in host and not host.startswith('[') else host}:{port}"


@cache
def _machine_names() -> tuple[str, ...]:
    names = {socket.gethostname(), socket.getfqdn()}
    for name in list(names):
        try:
            names |= {str(info[4][0]) for info in socket.getaddrinfo(name, None)}
        except OSError:  # a name the resolver does not know: the name itself still counts
            continue
    return tuple(sorted(names))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _rate_limits(value: str | None) -> dict[str, tuple[int, int]]:
    """``login_account=10/900,apply_address=120/600``: at most 10 per 900 seconds, and so on."""
    limits: dict[str, tuple[int, int]] = {}
    for part in _split(value):
        name, _, rule = part.partition("=")
        count, _, seconds = rule.partition("/")
        limits[name.strip()] = (int(count), int(seconds))
    return limits


@cache
def get_settings() -> Settings:
    return Settings.from_env()
