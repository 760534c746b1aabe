"""The signed-in person's own account: the language of the board's mails, and a new password (the current
one required; every other session ends)."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.controllers import sign_in
from jobboard.accounts.guards import SignedInRequest, requires_login
from jobboard.accounts.middleware import KnownUsers
from jobboard.accounts.recovery import PasswordChoice, PasswordRecovery
from jobboard.accounts.services import AccountService
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import LOCALE_NAMES
from jobboard.core.i18n import gettext as _
from jobboard.core.validation import validate
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned
from jobboard.web.ratelimit import password_change_rate_limit


def _page(password_form: Form, status_code: int = 200) -> Template:
    return Template(
        "accounts/settings.html",
        context={"password_form": password_form, "languages": LOCALE_NAMES},
        status_code=status_code,
    )


class AccountSettingsController(Controller):
    path = "/account"
    guards = [requires_login]
    include_in_schema = False

    @get("", name="account")
    async def account_page(self) -> Template:
        return _page(Form())

    @post("/password", sync_to_thread=True, guards=[password_change_rate_limit])
    def change_password(
        self, request: SignedInRequest, db_session: DbSession, recent_users: KnownUsers, data: FormData
    ) -> Template | Redirect:
        typed = cleaned(data)  # passwords as typed
        try:
            choice = validate(PasswordChoice, typed)
            user = PasswordRecovery(db_session).change(
                request.user, typed.get("current_password", ""), choice
            )
        except InvalidInput as error:
            return _page(Form.failed({}, error), status_code=400)
        recent_users.forget(user.id or 0)
        sign_in(request, user)  # this device stays signed in, under the account's new generation
        flash(
            request, _("Your password is changed. Every other session of your account has ended."), "success"
        )
        return Redirect("/account")

    @post("/language", sync_to_thread=True)
    def change_language(
        self, request: SignedInRequest, db_session: DbSession, recent_users: KnownUsers, data: FormData
    ) -> Redirect:
        user = AccountService(db_session).set_language(request.user, str(data.get("language") or ""))
        recent_users.forget(user.id or 0)
        flash(
            request,
            _("The board's mails to you will be in %(language)s.", language=LOCALE_NAMES[user.language]),
            "success",
        )
        return Redirect("/account")
