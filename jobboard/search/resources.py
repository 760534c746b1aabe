"""The committed search resources in ``search_index/``: the domain dictionary and the glossary.

They live beside the default index folder but are read from the repository even when
``JOBBOARD_INDEX_DIR`` points elsewhere: they are code-like data, reviewed and versioned.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from jobboard.core.settings import PROJECT_ROOT

RESOURCE_DIR = Path(os.environ.get("JOBBOARD_SEARCH_RESOURCES") or PROJECT_ROOT / "search_index")
DOMAIN_DICTIONARY = RESOURCE_DIR / "domain_dict.txt"
GLOSSARY = RESOURCE_DIR / "glossary.tsv"


def content_lines(path: Path) -> list[str]:
    """Non-empty lines that are not ``#`` comments (a whole-line marker: ``C#`` is a term).

    A missing file is an empty list: the analyzer still works, only less well.
    """
    if not path.exists():
        return []
    return [
        line.rstrip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def resources_digest() -> str:
    """Changes whenever a resource changes how text is analysed, so the index gets rebuilt."""
    digest = hashlib.sha256()
    for path in (DOMAIN_DICTIONARY, GLOSSARY):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]
