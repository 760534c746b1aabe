"""A posting in Chinese, English or both: at least one language has its title and description."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import ValidationError
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

_KNOWN_ERRORS = frozenset(get_args(ErrorType))


def incomplete_language(data: dict[str, Any]) -> list[str]:
    """What is missing when neither language has its title and description: in the language the poster
    started (Chinese when neither)."""
    given = {name for name in ("title", "description", "title_en", "description_en") if data.get(name)}
    if {"title", "description"} <= given or {"title_en", "description_en"} <= given:
        return []
    english = bool(given & {"title_en", "description_en"}) and not given & {"title", "description"}
    return [
        name
        for name in (("title_en", "description_en") if english else ("title", "description"))
        if name not in given
    ]


def init_details(error: ErrorDetails) -> InitErrorDetails:
    known = error["type"] in _KNOWN_ERRORS  # else one of the models' own, such as salary_range_reversed
    kind = error["type"] if known else PydanticCustomError(error["type"], error["msg"])
    return InitErrorDetails(type=kind, loc=error["loc"], input=error["input"], ctx=error.get("ctx", {}))


def with_missing_texts(title: str, errors: list[InitErrorDetails], missing: list[str]) -> ValidationError:
    incomplete = PydanticCustomError("language_incomplete", "give a title and a description")
    reported = {error["loc"][0] for error in errors if error["loc"]}
    errors += [
        InitErrorDetails(type=incomplete, loc=(name,), input="") for name in missing if name not in reported
    ]
    return ValidationError.from_exception_data(title, errors)
