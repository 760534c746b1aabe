"""The 统一社会信用代码 (unified social credit code) of a firm registered in China, GB 32100-2015.

Eighteen characters from a 31-character alphabet (digits and capital letters without I, O, Z, S, V,
which read like digits); the last is a check character over the first seventeen, so a mistyped code is
caught before staff look at it.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
LENGTH = 18
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
_VALUE = {character: value for value, character in enumerate(ALPHABET)}


def check_character(first_seventeen: str) -> str:
    """The 18th character the standard computes from the first seventeen."""
    total = sum(
        _VALUE[character] * weight for character, weight in zip(first_seventeen, _WEIGHTS, strict=True)
    )
    return ALPHABET[(31 - total % 31) % 31]


def normalised_credit_code(text: str) -> str:
    """Spaces and hyphens left out, letters in capitals: how codes are copied from a licence."""
    return "".join(text.split()).replace("-", "").upper()


def is_valid_credit_code(code: str) -> bool:
    """Eighteen characters of the alphabet whose last is the check character of the others."""
    if len(code) != LENGTH or any(character not in _VALUE for character in code):
        return False
    return check_character(code[:-1]) == code[-1]
