"""Domain errors raised by services; the web layer maps them to HTTP answers."""

from __future__ import annotations


class DomainError(Exception):
    """Base class. ``code`` names the case so that pages can say it in the reader's language."""

    code = "domain_error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.code)


class NotFound(DomainError):
    code = "not_found"


class Forbidden(DomainError):
    """The actor may not touch this record (another firm's applicant, a job that is not theirs)."""

    code = "forbidden"


class Conflict(DomainError):
    """The request contradicts what is stored (a second application, a taken e-mail)."""

    code = "conflict"


class InvalidInput(DomainError):
    """Field-level problems: ``errors`` maps a field name to an error code."""

    code = "invalid_input"

    def __init__(self, errors: dict[str, str], **params: object) -> None:
        super().__init__(self.code, **params)
        self.errors = errors
