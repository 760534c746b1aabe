"""Proof that an address is its account's: a link mailed at registration (and again on request). Until it
is followed, the account may sign in and look around, but not apply or submit a job."""

from __future__ import annotations

from sqlmodel import Session

from jobboard.accounts.links import AccountLinks, lifetime_minutes
from jobboard.accounts.models import LinkPurpose, User
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.mail.services import mail_to


class EmailVerification:
    def __init__(self, session: Session) -> None:
        self.session = session

    def send(self, user: User, next_path: str = "") -> None:
        """Queues the mail with a new link, in the caller's unit of work (or one of its own)."""
        with unit_of_work(self.session):
            path = AccountLinks(self.session).issue(user, LinkPurpose.VERIFY_EMAIL, next_path)
            hours = lifetime_minutes(LinkPurpose.VERIFY_EMAIL) // 60
            mail_to(
                self.session,
                user,
                template="email_verification",
                kind="email_verification",
                context={"name": user.full_name, "path": path, "hours": hours},
            )

    def tell_existing(self, user: User) -> None:
        """Someone registered with an address that has an account: its owner hears how to get in."""
        mail_to(
            self.session,
            user,
            template="account_exists",
            kind="account_exists",
            context={"name": user.full_name},
        )

    def confirm(self, token: str) -> tuple[User, str]:
        """The account the link verifies, and where its owner goes on; the link is spent."""
        with unit_of_work(self.session):
            links = AccountLinks(self.session)
            link, user = links.open(token, LinkPurpose.VERIFY_EMAIL)
            links.use(link)
            if user.email_verified_at is None:
                user.email_verified_at = utcnow()
                self.session.add(user)
        return user, link.next_path
