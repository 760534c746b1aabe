"""Links from the board's mails: verifying an address (and sending that mail again), and resetting a
forgotten password. Tokens travel in the query string, which the board never logs."""

from __future__ import annotations

from typing import Any

from litestar import Controller, MediaType, Response, get, post
from litestar.params import FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_403_FORBIDDEN, HTTP_404_NOT_FOUND, HTTP_410_GONE

from jobboard.accounts.controllers import HOME_BY_ROLE, apply_path, check_your_mail, safe_next, sign_in
from jobboard.accounts.guards import EmailNotVerified, SignedInRequest, VisitorRequest, requires_login
from jobboard.accounts.links import LinkNotValid
from jobboard.accounts.middleware import KnownUsers
from jobboard.accounts.recovery import PasswordChoice, PasswordRecovery, ResetRequest
from jobboard.accounts.verification import EmailVerification
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.validation import validate
from jobboard.web.dependencies import AnyRequest, DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.locale import use_request_locale
from jobboard.web.ratelimit import recovery_rate_limit, resend_rate_limit

# A page with a token in its address sends no Referer anywhere (nor does it link off the board).
_NO_REFERRER = {"Referrer-Policy": "no-referrer"}


class RecoveryController(Controller):
    path = "/account"
    include_in_schema = False

    @get("/verify", sync_to_thread=True, response_headers=_NO_REFERRER)
    def verify(
        self,
        request: VisitorRequest,
        db_session: DbSession,
        recent_users: KnownUsers,
        token: FromQuery[str] = "",
    ) -> Redirect:
        user, next_path = EmailVerification(db_session).confirm(token)
        recent_users.forget(user.id or 0)
        sign_in(request, user)
        flash(request, _("Your e-mail address is verified. Welcome!"), "success")
        return Redirect(safe_next(next_path) or HOME_BY_ROLE[user.role])

    @post("/verify/resend", guards=[requires_login, resend_rate_limit], sync_to_thread=True)
    def resend(self, request: SignedInRequest, db_session: DbSession, data: FormData) -> Redirect:
        user = request.user
        next_path = apply_path(cleaned(data).get("next"))
        if not user.is_verified:
            EmailVerification(db_session).send(user, next_path)
            flash(request, _("We sent the mail again to %(email)s.", email=user.email), "success")
        return Redirect(next_path or HOME_BY_ROLE[user.role])

    @get("/forgot", name="forgot_password")
    async def forgot_page(self) -> Template:
        return Template("accounts/forgot.html", context={"form": Form()})

    @post("/forgot", sync_to_thread=True, guards=[recovery_rate_limit])
    def forgot(self, db_session: DbSession, data: FormData) -> Template:
        values = cleaned(data)
        try:
            email = validate(ResetRequest, values).email
        except InvalidInput as error:
            return Template(
                "accounts/forgot.html", context={"form": Form.failed(values, error)}, status_code=400
            )
        PasswordRecovery(db_session).request_reset(email)
        return check_your_mail(email, reset=True)

    @get("/reset", sync_to_thread=True, response_headers=_NO_REFERRER)
    def reset_page(self, db_session: DbSession, token: FromQuery[str] = "") -> Template:
        PasswordRecovery(db_session).check_link(token)
        return Template("accounts/reset.html", context={"form": Form(), "token": token})

    @post("/reset", sync_to_thread=True, response_headers=_NO_REFERRER)
    def reset(
        self, request: VisitorRequest, db_session: DbSession, recent_users: KnownUsers, data: FormData
    ) -> Template | Redirect:
        token = str(data.get("token") or "")
        recovery = PasswordRecovery(db_session)
        try:
            user = recovery.reset(token, validate(PasswordChoice, cleaned(data)))
        except InvalidInput as error:
            recovery.check_link(token)  # a spent or expired link says so rather than asking again
            context = {"form": Form.failed({}, error), "token": token}
            return Template("accounts/reset.html", context=context, status_code=400)
        recent_users.forget(user.id or 0)
        sign_in(request, user)
        flash(
            request, _("Your new password is set. Every other session of your account has ended."), "success"
        )
        return Redirect(HOME_BY_ROLE[user.role])


def link_not_valid_page(request: AnyRequest, error: LinkNotValid) -> Response[Any]:
    use_request_locale(request.scope)
    status = HTTP_404_NOT_FOUND if error.code == "link_unknown" else HTTP_410_GONE
    return Template(
        "accounts/link_not_valid.html",
        context={"code": error.code, "purpose": error.purpose.value},
        status_code=status,
        media_type=MediaType.HTML,
        headers=_NO_REFERRER,
    )


def verify_first_page(request: AnyRequest, _: EmailNotVerified) -> Response[Any]:
    use_request_locale(request.scope)
    return Template(
        "accounts/verify_first.html",
        context={"next": apply_path(request.url.path)},
        status_code=HTTP_403_FORBIDDEN,
        media_type=MediaType.HTML,
    )


EXCEPTION_HANDLERS = {LinkNotValid: link_not_valid_page, EmailNotVerified: verify_first_page}
