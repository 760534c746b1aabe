"""Putting mail in the outbox. ``queue_mail`` adds it to the caller's transaction: the mail exists exactly
when the change that causes it is committed, and a sender delivers it afterwards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from sqlmodel import Session

from jobboard.mail.models import OutgoingMail

MAIL_QUEUED = "jobboard.mail_queued"  # session.info flag: after the commit, this process's sender is nudged
# Kinds whose mail carries a link that signs someone in: once sent, the board keeps no copy of the link
# (the row keeps who, what kind and when; its context is emptied).
SIGN_IN_KINDS = frozenset({"password_reset", "email_verification", "team_invitation"})


class Addressee(Protocol):
    """Whom a mail goes to: an account (``accounts.models.User``) or anyone with these three."""

    @property
    def id(self) -> int | None: ...
    @property
    def email(self) -> str: ...
    @property
    def language(self) -> str: ...


def queue_mail(
    session: Session,
    *,
    to: str,
    template: str,
    kind: str,
    language: str,
    context: Mapping[str, Any] | None = None,
    user_id: int | None = None,
) -> OutgoingMail:
    """``context`` must be JSON (it is kept in the row and rendered when the mail is sent)."""
    mail = OutgoingMail(
        recipient=to.strip(),
        template=template,
        kind=kind,
        language=language,
        context=dict(context or {}),
        user_id=user_id,
    )
    session.add(mail)
    session.info[MAIL_QUEUED] = True
    return mail


def mail_to(
    session: Session,
    person: Addressee,
    *,
    template: str,
    kind: str,
    context: Mapping[str, Any] | None = None,
) -> OutgoingMail:
    """A mail to an account, in the language it uses the board in."""
    return queue_mail(
        session,
        to=person.email,
        template=template,
        kind=kind,
        language=person.language,
        context=context,
        user_id=person.id,
    )
