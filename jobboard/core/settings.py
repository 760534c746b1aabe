"""Settings read from ``JOBBOARD_*`` environment variables, with embedded defaults under ``var/``."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

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

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=_env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'jobboard.sqlite3'}",
            index_dir=Path(_env("INDEX_DIR") or PROJECT_ROOT / "search_index"),
            upload_dir=Path(_env("UPLOAD_DIR") or VAR_DIR / "uploads"),
            secret_key=_env("SECRET_KEY") or _persistent_secret_key(),
            base_url=(_env("BASE_URL") or "http://127.0.0.1:8000").rstrip("/"),
            redis_url=_env("REDIS_URL"),
            debug=_env("DEBUG", "0") == "1",
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def uses_https(self) -> bool:
        return self.base_url.startswith("https://")


@cache
def get_settings() -> Settings:
    return Settings.from_env()
