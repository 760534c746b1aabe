"""The one cleaner for file names people send us (resumes, job tables), before we store or show them, and
the board's rule for the files it writes."""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_NAME_LENGTH = 120
MAX_SUFFIX_LENGTH = 10
# Control and path characters, quotes and what Windows refuses in a name.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"<>|:*?/\\]')


def clean_filename(name: str, *, fallback: str = "upload", suffix: str = "") -> str:
    """The base name alone, safe to store and to show.

    Unsafe or unprintable characters become "_" (a right-to-left mark could disguise the suffix), leading
    dots go, and the name is cut to 120 characters keeping its suffix; ``suffix`` is added when missing.
    """
    base = "".join(
        "_" if _UNSAFE.match(char) or not char.isprintable() else char
        for char in Path(name.replace("\\", "/")).name
    )
    base = base.strip().lstrip(".") or fallback
    if suffix and not base.lower().endswith(suffix):
        base += suffix
    stem, dot, ending = base.rpartition(".")
    if dot and len(ending) <= MAX_SUFFIX_LENGTH:
        base = f"{stem[: MAX_NAME_LENGTH - MAX_SUFFIX_LENGTH]}.{ending}"
    return base[:MAX_NAME_LENGTH]


PRIVATE_UMASK = 0o077


def keep_files_private() -> None:
    """Every file and folder this process creates from now on is its owner's alone (0600 / 0700): the
    database, resumes, uploaded tables, the index, locks. Set at start, whatever umask the shell had,
    because a resume or the SQLite file readable by every account on the machine is personal data lost."""
    os.umask(PRIVATE_UMASK)
