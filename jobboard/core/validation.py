"""Validation of input against pydantic/SQLModel schemas, reported as field → error code."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from jobboard.core.errors import InvalidInput

ModelT = TypeVar("ModelT", bound=BaseModel)


def validation_errors(error: ValidationError) -> dict[str, str]:
    """Pydantic's errors as ``{field: error code}``; the web layer words them in the reader's language."""
    errors: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "__all__"
        errors.setdefault(field, item["type"])
    return errors


def validate(model: type[ModelT], data: object) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(validation_errors(error)) from None
