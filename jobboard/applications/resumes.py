"""Resume files: checked by content, stored outside every static path under random names."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from jobboard.applications.pdf_content import ActiveContent, refuse_active_content
from jobboard.core.errors import InvalidInput

MAX_RESUME_BYTES = 5 * 1024 * 1024
_KEY_SUFFIX = ".pdf"


def check_resume(content: bytes) -> None:
    """A real PDF of at most 5 MB without script, actions or attachments: the bytes are parsed, the file
    name and declared type are not trusted."""
    if not content:
        raise InvalidInput({"resume": "resume_empty"})
    if len(content) > MAX_RESUME_BYTES:
        raise InvalidInput({"resume": "resume_too_large"})
    if not content.lstrip()[:5] == b"%PDF-":
        raise InvalidInput({"resume": "resume_not_pdf"})
    try:
        reader = PdfReader(BytesIO(content))
        if len(reader.pages) < 1:
            raise InvalidInput({"resume": "resume_not_pdf"})
        refuse_active_content(reader)
    except ActiveContent:
        raise InvalidInput({"resume": "resume_active_content"}) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise InvalidInput({"resume": "resume_not_pdf"}) from None


class ResumeStore:
    def __init__(self, upload_dir: Path) -> None:
        self.directory = upload_dir / "resumes"

    def save(self, content: bytes) -> str:
        """Writes durably and returns the file's key; the caller records it in the same unit of work."""
        self.directory.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(16) + _KEY_SUFFIX
        partial = self.directory / f".{key}.part"
        with partial.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.directory / key)
        return key

    def path(self, key: str) -> Path:
        if "/" in key or "\\" in key or key.startswith("."):
            raise ValueError("not a resume key")
        return self.directory / key

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def sweep_orphans(self, known_keys: Iterable[str], older_than_seconds: float = 3600) -> int:
        """Removes files no application refers to (left by a crash between writing and committing)."""
        if not self.directory.exists():
            return 0
        known = set(known_keys)
        cutoff = time.time() - older_than_seconds
        removed = 0
        for file in self.directory.iterdir():
            if file.name not in known and file.stat().st_mtime < cutoff:
                file.unlink(missing_ok=True)
                removed += 1
        return removed
