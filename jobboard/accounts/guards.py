"""Route guards: who may reach which pages. Ownership of records is checked again in the services."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection, Request
from litestar.datastructures import State
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from jobboard.accounts.models import Role, User
from jobboard.core.errors import Forbidden

# What handlers are given as ``request``: anyone's (``request.user`` is None unless signed in), or, behind one
# of the guards below, a signed-in person's.
VisitorRequest = Request[User | None, Any, State]
SignedInRequest = Request[User, Any, State]


def _require_role(connection: ASGIConnection[Any, Any, Any, Any], role: Role | None) -> None:
    user = connection.user
    if user is None:
        raise NotAuthorizedException()
    if role is not None and user.role != role:
        raise PermissionDeniedException()


def requires_login(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    _require_role(connection, None)


def requires_seeker(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    _require_role(connection, Role.SEEKER)


def requires_employer(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    _require_role(connection, Role.EMPLOYER)
    if connection.user.company_id is None:
        raise PermissionDeniedException(detail="no_employer_company")


def requires_staff(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    _require_role(connection, Role.STAFF)


class EmailNotVerified(Forbidden):
    """Applying and submitting a job wait until the account's address is verified; the page that says
    so offers to send the link again (``recovery_controllers.verify_first_page``)."""

    code = "email_unverified"


def check_verified(user: User) -> None:
    if not user.is_verified:
        raise EmailNotVerified()


def requires_verified_email(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """After ``requires_seeker`` or ``requires_employer``: the signed-in person has verified the address."""
    check_verified(connection.user)
