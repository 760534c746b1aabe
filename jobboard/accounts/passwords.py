"""What a new password must be: 8 to 200 characters, kept exactly as typed, and none of the commonest
passwords (``data/common_passwords.txt``, 30,000 of them; see ``data/README.md`` for its source)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "data" / "common_passwords.txt"


@cache
def common_passwords() -> frozenset[str]:
    return frozenset(COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").split())


def _not_common(password: str) -> str:
    # The list is in lower case; "Password1" is as easy to guess as "password1".
    if password.lower() in common_passwords():
        raise PydanticCustomError("password_common", "one of the commonest passwords")
    return password


NewPassword = Annotated[str, Field(min_length=8, max_length=200), AfterValidator(_not_common)]
