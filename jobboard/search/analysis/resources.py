"""The committed search resources in ``search_index/``: the domain dictionary and the glossary,
read as written (the glossary's groups before analysis: jieba needs them to be set up).

They live beside the default index folder but are read from the repository even when
``JOBBOARD_INDEX_DIR`` points elsewhere: they are code-like data, reviewed and versioned.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from jobboard.core.settings import PROJECT_ROOT
from jobboard.search.analysis.script import has_latin, is_han, normalize_script

RESOURCE_DIR = Path(os.environ.get("JOBBOARD_SEARCH_RESOURCES") or PROJECT_ROOT / "search_index")
DOMAIN_DICTIONARY = RESOURCE_DIR / "domain_dict.txt"
GLOSSARY = RESOURCE_DIR / "glossary.tsv"
ONE_WAY = ">"  # a glossary field: the terms before it expand to the terms after it


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


def raw_groups() -> list[list[str]]:
    """The glossary's groups of interchangeable terms, one per line, as written."""
    return [[term.strip() for term in line.split("\t") if term.strip()] for line in content_lines(GLOSSARY)]


def domain_vocabulary() -> list[str]:
    """Words jieba must know: the domain dictionary plus every Han term of the glossary.

    Glossary terms are added so that a query term and the same text in a posting segment alike.
    """
    words = [normalize_script(line.split()[0]) for line in content_lines(DOMAIN_DICTIONARY)]
    words.extend(
        normalize_script(term)
        for group in raw_groups()
        for term in group
        if term != ONE_WAY and is_han(term) and term.isalnum()
    )
    # Only Han words: jieba would otherwise glue Latin letters to Han characters ("cmos图像").
    return sorted({word for word in words if len(word) >= 2 and not has_latin(word)})


def acronyms() -> frozenset[str]:
    """Single Latin words the glossary writes with two or more capitals (CMOS, MEMS, ADAS, LiDAR)."""
    return frozenset(
        normalize_script(term)
        for group in raw_groups()
        for term in group
        if term.isascii() and term.isalnum() and sum(ch.isupper() for ch in term) >= 2
    )
