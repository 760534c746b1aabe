"""Facts about characters that need no dictionary: which are Han, and the NFKC + lowercase form.

The lowest floor of the analysis: the resources, the lexicon and the analyzer all build on it.
"""

from __future__ import annotations

import re
import unicodedata

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(rf"[{HAN}]")


def normalize_script(text: str) -> str:
    """NFKC (full-width letters, compatibility forms) and lowercase; no dictionaries needed."""
    return unicodedata.normalize("NFKC", text).lower()


def is_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def has_latin(word: str) -> bool:
    return any(ch.isascii() and ch.isalnum() for ch in word)
