"""The inbox, the mail preferences, and the page a mail's stop link opens (no sign-in needed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from jobboard.accounts.guards import SignedInRequest, VisitorRequest, requires_login
from jobboard.core.db import READ_ONLY
from jobboard.core.i18n import gettext as _
from jobboard.notifications.services import InboxService, MailChoices, unread_count
from jobboard.notifications.text import interview_at, sentence
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import FormData

UNREAD_KEY = "jobboard.unread_notifications"  # in the request's scope: counted once a page


def unread_counter(engine: Engine) -> Callable[..., int]:
    """The template global ``unread_notifications()`` of this worker's engine."""
    return pass_context(lambda context: unread_notifications(engine, context.get("request")))


def unread_notifications(engine: Engine, request: Any) -> int:
    """The header's unread count: one COUNT for a signed-in person's page, nothing for anyone else's
    (public pages, and their kept parts, never ask)."""
    user = request.scope.get("user") if request is not None else None
    if user is None or user.id is None:
        return 0
    if UNREAD_KEY not in request.scope:
        # A read that waits for no writer: the page's own session may hold SQLite's write lock.
        try:
            with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
                request.scope[UNREAD_KEY] = unread_count(Session(bind=connection), user.id)
        except DBAPIError:  # the database is away: the page (often the 503 page saying so) shows no badge
            request.scope[UNREAD_KEY] = 0
    return int(request.scope[UNREAD_KEY])


class InboxController(Controller):
    guards = [requires_login]
    include_in_schema = False

    @get("/inbox", name="inbox", sync_to_thread=True)
    def inbox(self, request: SignedInRequest, db_session: DbSession) -> Template:
        rows = InboxService(db_session, request.user).latest()
        shown = [(row, sentence(row), interview_at(row)) for row in rows]
        return Template("notifications/inbox.html", context={"rows": shown})

    @post("/inbox/{notification_id:int}/read", sync_to_thread=True)
    def mark_read(
        self, request: SignedInRequest, db_session: DbSession, notification_id: FromPath[int]
    ) -> Redirect:
        InboxService(db_session, request.user).mark_read(notification_id)
        return Redirect("/inbox")

    @post("/inbox/read", sync_to_thread=True)
    def mark_all_read(self, request: SignedInRequest, db_session: DbSession) -> Redirect:
        InboxService(db_session, request.user).mark_all_read()
        flash(request, _("Every notification is marked as read."), "success")
        return Redirect("/inbox")

    @get("/account/notifications", name="mail_preferences", sync_to_thread=True)
    def preferences(self, request: SignedInRequest, db_session: DbSession) -> Template:
        offered = MailChoices(db_session).offered(request.user)
        return Template("notifications/preferences.html", context={"offered": offered})

    @post("/account/notifications", sync_to_thread=True)
    def choose(self, request: SignedInRequest, db_session: DbSession, data: FormData) -> Redirect:
        wanted = data.get("mail", [])
        MailChoices(db_session).choose(request.user, [wanted] if isinstance(wanted, str) else wanted)
        flash(request, _("Your choice of mails was saved."), "success")
        return Redirect("/account/notifications")


class MailStopController(Controller):
    """A mail's one-click stop: the link's token says whose mail of which kind, so no sign-in is needed.
    The page asks with a button (link scanners open pages, and must not stop anything); mail programs
    post to the same address (RFC 8058), which is why it is exempt from the CSRF check."""

    path = "/unsubscribe"
    include_in_schema = False

    @get("/{token:str}", name="mail_stop", sync_to_thread=True)
    def ask(self, request: VisitorRequest, db_session: DbSession, token: FromPath[str]) -> Template:
        stop = MailChoices(db_session).stop_link(token)
        return Template("notifications/stop.html", context={"kind": stop.kind, "token": token, "done": False})

    @post("/{token:str}", sync_to_thread=True)
    def stop(self, request: VisitorRequest, db_session: DbSession, token: FromPath[str]) -> Template:
        kind = MailChoices(db_session).stop(token)
        return Template("notifications/stop.html", context={"kind": kind, "token": token, "done": True})
