"""Every error answers in kind: a translated page for people, a JSON problem body for the API."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from litestar import MediaType, Response
from litestar.exceptions import HTTPException
from litestar.openapi import ResponseSpec
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_409_CONFLICT,
    HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_503_SERVICE_UNAVAILABLE,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from jobboard.core.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound
from jobboard.core.state_machine import TransitionNotAllowed
from jobboard.web.dependencies import AnyRequest
from jobboard.web.locale import use_request_locale
from jobboard.web.messages import field_error_text, page_error_text
from jobboard.web.unavailable import RETRY_AFTER_SECONDS, database_unavailable, short_reason

logger = logging.getLogger("jobboard.errors")

_DOMAIN_STATUS: dict[type[DomainError], int] = {
    NotFound: HTTP_404_NOT_FOUND,
    Forbidden: HTTP_403_FORBIDDEN,
    Conflict: HTTP_409_CONFLICT,
    InvalidInput: HTTP_400_BAD_REQUEST,
}
_HTTP_CODES = {
    HTTP_400_BAD_REQUEST: "bad_request",
    HTTP_401_UNAUTHORIZED: "unauthorized",
    HTTP_403_FORBIDDEN: "forbidden",
    HTTP_404_NOT_FOUND: "not_found",
    HTTP_413_REQUEST_ENTITY_TOO_LARGE: "too_large",
    HTTP_429_TOO_MANY_REQUESTS: "rate_limited",
    HTTP_503_SERVICE_UNAVAILABLE: "unavailable",
}


@dataclass(frozen=True)
class Problem:
    """The API's error body (RFC 9457 problem details), as the OpenAPI document describes it."""

    type: str
    title: str  # the error's code: not_found, bad_request, rate_limited, …
    status: int
    detail: str  # in the language the request asked for
    errors: dict[str, str] | None = None  # for 400: each bad parameter and what is wrong with it


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """What an API operation may answer besides success, for its OpenAPI description."""
    return {
        status: ResponseSpec(
            data_container=Problem,
            description=_PROBLEM_DESCRIPTIONS[status],
            media_type="application/problem+json",
            generate_examples=False,
        )
        for status in statuses
    }


_PROBLEM_DESCRIPTIONS = {
    HTTP_400_BAD_REQUEST: "A parameter is not valid; `errors` says which and why.",
    HTTP_404_NOT_FOUND: "No such public record.",
    HTTP_429_TOO_MANY_REQUESTS: "Too many requests from this client; retry after `Retry-After` seconds.",
    HTTP_503_SERVICE_UNAVAILABLE: "The database does not answer; retry after `Retry-After` seconds.",
}


def _is_api(request: AnyRequest) -> bool:
    return request.url.path.startswith("/api/")


def _answer(
    request: AnyRequest, status: int, code: str, errors: dict[str, str] | None = None
) -> Response[Any]:
    # An unknown URL never reaches the route middleware: choose the reader's language here as well.
    use_request_locale(request.scope)
    message = page_error_text(code)
    if _is_api(request):
        body: dict[str, Any] = {"type": "about:blank", "title": code, "status": status, "detail": message}
        if errors:
            body["errors"] = {field: field_error_text(field, error) for field, error in errors.items()}
        return Response(body, status_code=status, media_type="application/problem+json")
    return Template(
        "errors/error.html",
        context={"status": status, "message": message},
        status_code=status,
        media_type=MediaType.HTML,
    )


def domain_error_handler(request: AnyRequest, error: DomainError) -> Response[Any]:
    status = next(
        (code for kind, code in _DOMAIN_STATUS.items() if isinstance(error, kind)), HTTP_400_BAD_REQUEST
    )
    return _answer(request, status, error.code, getattr(error, "errors", None))


def transition_error_handler(request: AnyRequest, _: TransitionNotAllowed) -> Response[Any]:
    return _answer(request, HTTP_409_CONFLICT, "transition_not_allowed")


def http_error_handler(request: AnyRequest, error: HTTPException) -> Response[Any]:
    status = error.status_code
    if status == HTTP_401_UNAUTHORIZED and not _is_api(request) and request.method == "GET":
        return Redirect(f"/login?next={quote(request.url.path)}")
    if status >= HTTP_500_INTERNAL_SERVER_ERROR and status != HTTP_503_SERVICE_UNAVAILABLE:
        return server_error_handler(request, error)
    detail = str(error.detail or "")
    code = _HTTP_CODES.get(status, "bad_request")
    if "CSRF" in detail:
        code = "csrf"
    elif detail in ("no_employer_company",):
        code = detail
    errors = None
    if status == HTTP_400_BAD_REQUEST and isinstance(error.extra, list):
        errors = {
            str(item.get("key") or "request"): "value_error" for item in error.extra if isinstance(item, dict)
        }
    response = _answer(request, status, code, errors)
    if status in (HTTP_429_TOO_MANY_REQUESTS, HTTP_503_SERVICE_UNAVAILABLE):
        response.headers.update(error.headers or {})  # Retry-After
    return response


def server_error_handler(request: AnyRequest, error: Exception) -> Response[Any]:
    # The method, path template and error type only: URLs and bodies may carry personal data.
    logger.error(
        "unhandled %s on %s %s",
        type(error).__name__,
        request.method,
        request.scope.get("path_template"),
        exc_info=error,
    )
    return _answer(request, HTTP_500_INTERNAL_SERVER_ERROR, "server_error")


def database_error_handler(request: AnyRequest, error: Exception) -> Response[Any]:
    """A database that cannot answer is a 503 the visitor may retry; any other database error is a bug."""
    if not database_unavailable(error):
        return server_error_handler(request, error)
    logger.warning(
        "database unavailable on %s %s (%s)",
        request.method,
        request.scope.get("path_template"),
        short_reason(error),
    )
    response = _answer(request, HTTP_503_SERVICE_UNAVAILABLE, "unavailable")
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


EXCEPTION_HANDLERS = {
    DomainError: domain_error_handler,
    TransitionNotAllowed: transition_error_handler,
    HTTPException: http_error_handler,
    DBAPIError: database_error_handler,
    PoolTimeout: database_error_handler,
    Exception: server_error_handler,
}
