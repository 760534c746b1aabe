"""Links mailed to an account's owner (verify the e-mail address, reset the password): a random token in
the link, its digest in ``account_links``; each works once, until it expires, and only while the account's
password is the one it was sent under (both sign in)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import CursorResult, update
from sqlmodel import Session, col, select

from jobboard.accounts.models import AccountLink, LinkPurpose, User
from jobboard.core.clock import utcnow
from jobboard.core.errors import DomainError
from jobboard.core.tokens import new_token, token_digest

LIFETIMES = {LinkPurpose.VERIFY_EMAIL: timedelta(hours=48), LinkPurpose.RESET_PASSWORD: timedelta(minutes=60)}
LINK_PATHS = {LinkPurpose.VERIFY_EMAIL: "/account/verify", LinkPurpose.RESET_PASSWORD: "/account/reset"}


class LinkNotValid(DomainError):
    """``code``: ``link_unknown`` (never issued, or mistyped), ``link_used``, ``link_expired`` or
    ``link_replaced`` (the password changed since the link was sent)."""

    def __init__(self, code: str, purpose: LinkPurpose) -> None:
        super().__init__(code)
        self.purpose = purpose


def lifetime_minutes(purpose: LinkPurpose) -> int:
    return int(LIFETIMES[purpose].total_seconds() // 60)


class AccountLinks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def issue(self, user: User, purpose: LinkPurpose, next_path: str = "") -> str:
        """The path of a new link (token in the query string: the board logs paths, never queries).
        Joins the caller's unit of work."""
        token, digest = new_token()
        link = AccountLink(
            user_id=user.id or 0,
            purpose=purpose,
            token_digest=digest,
            next_path=next_path,
            session_generation=user.session_generation,
            expires_at=utcnow() + LIFETIMES[purpose],
        )
        self.session.add(link)
        return f"{LINK_PATHS[purpose]}?token={token}"

    def open(self, token: str, purpose: LinkPurpose) -> tuple[AccountLink, User]:
        """The link and its account, if the link may be used now; else ``LinkNotValid`` says why."""
        link = self.session.exec(
            select(AccountLink).where(
                AccountLink.token_digest == token_digest(token), AccountLink.purpose == purpose
            )
        ).first()
        user = self.session.get(User, link.user_id) if link is not None else None
        if link is None or user is None or not user.is_active:
            raise LinkNotValid("link_unknown", purpose)
        if link.used_at is not None:
            raise LinkNotValid("link_used", purpose)
        if link.expires_at <= utcnow():
            raise LinkNotValid("link_expired", purpose)
        if link.session_generation != user.session_generation:  # both kinds sign in: a new password ends them
            raise LinkNotValid("link_replaced", purpose)
        return link, user

    def use(self, link: AccountLink) -> None:
        """Marks the link used; of two requests racing with one link, the second finds it used."""
        claimed: CursorResult[Any] = self.session.execute(  # type: ignore[assignment]
            update(AccountLink)
            .where(col(AccountLink.id) == link.id, col(AccountLink.used_at).is_(None))
            .values(used_at=utcnow())
        )
        if claimed.rowcount != 1:
            raise LinkNotValid("link_used", link.purpose)
