"""Sign-up, sign-in and sign-out pages. Signing up answers "check your mail" whether or not the address
has an account already; the link in the mail signs the new account in (``recovery_controllers``)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from litestar import Controller, get, post
from litestar.params import FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, VisitorRequest, requires_login
from jobboard.accounts.middleware import SESSION_GENERATION_KEY, SESSION_USER_KEY
from jobboard.accounts.models import Role, User
from jobboard.accounts.services import AccountService, SeekerSignup
from jobboard.accounts.sessions import renew_session_id
from jobboard.companies.models import Segment
from jobboard.companies.services import CompanyService, EmployerSignup
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import get_locale
from jobboard.core.i18n import gettext as _
from jobboard.core.validation import validate
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.ratelimit import forget_failed_sign_ins, login_rate_limit, register_rate_limit

HOME_BY_ROLE = {Role.SEEKER: "/me/applications", Role.EMPLOYER: "/employer", Role.STAFF: "/staff"}


_APPLY_PATH = re.compile(r"/jobs/\d+/apply")


def safe_next(target: str | None) -> str | None:
    """Only same-site paths: an open redirect after login is a phishing aid. Browsers read a backslash as
    a slash and drop tabs and line breaks ("/<tab>/evil.example" is "//evil.example"): refuse them all."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(char <= " " or char == "\x7f" for char in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def _coming_back(next: str | None, form: Form) -> dict[str, Any]:
    """A sign-in or sign-up page's context: where it returns to, and whether it was asked for to apply."""
    target = safe_next(next)
    return {"form": form, "next": target, "to_apply": bool(apply_path(target))}


def sign_in(request: VisitorRequest | SignedInRequest, user: User) -> None:
    renew_session_id(request)
    request.session.clear()
    request.session[SESSION_USER_KEY] = user.id
    request.session[SESSION_GENERATION_KEY] = user.session_generation


def apply_path(target: str | None) -> str:
    """``target`` if it is a job's apply form (where a sign-up from "Apply" returns), else ``""``."""
    return target if target and _APPLY_PATH.fullmatch(target) else ""


def check_your_mail(email: str, *, reset: bool = False) -> Template:
    """What every sign-up that passed the form's checks answers, new address or known; and "forgot"."""
    return Template("accounts/check_mail.html", context={"email": email, "reset": reset})


def _check_passwords_match(values: dict[str, Any]) -> None:
    if values.get("password") != values.get("password_confirm"):
        raise InvalidInput({"password_confirm": "password_mismatch"})


class AccountController(Controller):
    tags = ["accounts"]
    include_in_schema = False

    @get("/login", name="login")
    async def login_page(self, next: FromQuery[str | None] = None) -> Template:
        return Template("accounts/login.html", context=_coming_back(next, Form()))

    @post("/login", sync_to_thread=True, guards=[login_rate_limit])
    def login(self, request: VisitorRequest, db_session: DbSession, data: FormData) -> Template | Redirect:
        values = cleaned(data)
        user = AccountService(db_session).authenticate(values.get("email", ""), values.get("password", ""))
        if user is None:
            form = Form(
                values={"email": values.get("email", "")},
                errors={"email": _("Wrong e-mail address or password.")},
            )
            return Template(
                "accounts/login.html", context=_coming_back(values.get("next"), form), status_code=400
            )
        sign_in(request, user)
        flash(request, _("Welcome back."), "success")
        return Redirect(
            safe_next(values.get("next")) or HOME_BY_ROLE[user.role],
            background=forget_failed_sign_ins(request, values.get("email", "")),
        )

    @post("/logout", guards=[requires_login])
    async def logout(self, request: VisitorRequest) -> Redirect:
        renew_session_id(request)
        request.session.clear()
        flash(request, _("You have logged out."), "info")
        return Redirect("/")

    @get("/register", name="register")
    async def register_page(self, next: FromQuery[str | None] = None) -> Template:
        return Template("accounts/register.html", context=_coming_back(next, Form()))

    @post("/register", sync_to_thread=True, guards=[register_rate_limit])
    def register(self, db_session: DbSession, data: FormData) -> Template:
        values = cleaned(data)
        try:
            _check_passwords_match(values)
            signup = validate(SeekerSignup, values)
            # The link in the mail leads back to the job they came to apply for, or to the jobs.
            next_path = safe_next(values.get("next")) or "/jobs"
            AccountService(db_session).register_seeker(signup, language=get_locale(), next_path=next_path)
        except InvalidInput as error:
            form = Form.failed(_without_passwords(values), error)
            return Template(
                "accounts/register.html", context=_coming_back(values.get("next"), form), status_code=400
            )
        return check_your_mail(signup.email)

    @get("/register/employer", name="register_employer")
    async def register_employer_page(self) -> Template:
        return Template(
            "accounts/register_employer.html", context={"form": Form(), "segments": list(Segment)}
        )

    @post("/register/employer", sync_to_thread=True, guards=[register_rate_limit])
    def register_employer(self, db_session: DbSession, data: FormData) -> Template:
        values = cleaned(data)
        try:
            _check_passwords_match(values)
            signup = validate(EmployerSignup, values)
            CompanyService(db_session).register_employer(signup, language=get_locale())
        except InvalidInput as error:
            return Template(
                "accounts/register_employer.html",
                context={"form": Form.failed(_without_passwords(values), error), "segments": list(Segment)},
                status_code=400,
            )
        return check_your_mail(signup.email)


def _without_passwords(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if not name.startswith("password")}
