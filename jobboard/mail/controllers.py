"""The outbox for fair staff: what the board sent, kept or could not send, and a retry for failures."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_staff
from jobboard.core.i18n import gettext as _
from jobboard.core.state_machine import TransitionNotAllowed
from jobboard.mail.models import MAIL_DELIVERY, MailAction, MailStatus
from jobboard.mail.outbox import outbox_page, outgoing_mail, readable, retry_mail
from jobboard.mail.rendering import render_mail
from jobboard.web.dependencies import BoardSettings, DbSession


class StaffMailController(Controller):
    path = "/staff/mail"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_mail", sync_to_thread=True)
    def outbox(
        self,
        db_session: DbSession,
        settings: BoardSettings,
        status: FromQuery[MailStatus | None] = None,
        page: FromQuery[int] = 1,
    ) -> Template:
        return Template(
            "mail/outbox.html",
            context={
                "outbox": outbox_page(db_session, status, page),
                "relay_configured": settings.smtp_url is not None,
                "statuses": list(MailStatus),
            },
        )

    @get("/{mail_id:int}", sync_to_thread=True)
    def read(self, db_session: DbSession, settings: BoardSettings, mail_id: FromPath[int]) -> Template:
        mail = outgoing_mail(db_session, mail_id)
        shown = readable(mail, settings.smtp_url is not None)
        rendered = (
            render_mail(mail.template, mail.context, mail.language, settings.base_url) if shown else None
        )
        return Template(
            "mail/read.html",
            context={
                "mail": mail,
                "rendered": rendered,
                "may_retry": MAIL_DELIVERY.allows(mail.status, MailAction.RETRY),
            },
        )

    @post("/{mail_id:int}/retry", sync_to_thread=True)
    def retry(self, request: SignedInRequest, db_session: DbSession, mail_id: FromPath[int]) -> Redirect:
        try:
            retry_mail(db_session, request.user, mail_id)
        except TransitionNotAllowed:
            flash(request, _("This mail is not waiting for a retry."), "error")
        else:
            flash(request, _("The mail is queued again."), "success")
        return Redirect(f"/staff/mail/{mail_id}")
