"""How enum values read on pages, in both languages: a registry each domain fills beside its models.

``core`` knows no domain, so the words live with the enums (``companies/labels.py``…) and register
themselves here; the ``label`` filter and the services only ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from jobboard.core.i18n import gettext

Kind = TypeVar("Kind", bound=StrEnum)

# Keyed by kind first: several kinds share a value ("any", "pending", "approve", "reject") but not a word.
# Members are StrEnums, so a plain string finds them too (a member hashes and compares as its value).
_LABELS: dict[type, dict[str, str]] = {}


def register_labels(kind: type[Kind], words: Mapping[Kind, str]) -> None:
    """Gives each member of ``kind`` its message id (marked with ``N_``, translated when shown)."""
    _LABELS[kind] = {member: word for member, word in words.items()}


def label(value: StrEnum | str) -> str:
    """The reader's word for an enum member; for a plain string, that of the first kind registered with it."""
    table = _LABELS.get(type(value))
    if table is not None and value in table:
        return gettext(table[value])
    for table in _LABELS.values():
        if value in table:
            return gettext(table[value])
    return str(value)
