"""The one cleaner for file names people send us (resumes, job tables), before we store or show them."""

from __future__ import annotations

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
