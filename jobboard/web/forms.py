"""Form round-trips: what the person typed comes back with an error beside each bad field."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from litestar.enums import RequestEncodingType
from litestar.params import Body

from jobboard.core.columns import LARGEST_INTEGER
from jobboard.core.errors import InvalidInput
from jobboard.web.messages import field_error_text

EnumT = TypeVar("EnumT", bound=StrEnum)

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
UploadData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]


@dataclass
class Form:
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def value(self, name: str, default: Any = "") -> Any:
        """What the field shows: a null column (no deadline, no salary) shows as empty, never "None"."""
        value = self.values.get(name)
        return default if value is None else value

    @classmethod
    def failed(cls, values: dict[str, Any], error: InvalidInput) -> Form:
        return cls(
            values=values, errors={name: field_error_text(name, code) for name, code in error.errors.items()}
        )


def cleaned(data: dict[str, Any]) -> dict[str, Any]:
    """Trims text and drops empty fields, so they take the schema default or are reported missing.
    Passwords (``password…``, ``current_password``) are kept exactly as typed, spaces and all."""
    result: dict[str, Any] = {}
    for name, value in data.items():
        if name == "_csrf_token":
            continue
        if isinstance(value, str):
            value = value if "password" in name else value.strip()
            if not value:
                continue
        result[name] = value
    return result


def optional_int(name: str, value: str | None) -> int | None:
    """A number from a plain HTML form, where an untouched field arrives as an empty string."""
    if value is None or not value.strip():
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise InvalidInput({name: "int_parsing"}) from None
    if abs(number) > LARGEST_INTEGER:
        raise InvalidInput({name: "less_than_equal" if number > 0 else "greater_than_equal"})
    return number


def optional_choice(name: str, enum: type[EnumT], value: str | None) -> EnumT | None:
    if value is None or not value.strip():
        return None
    try:
        return enum(value.strip())
    except ValueError:
        raise InvalidInput({name: "enum"}) from None
