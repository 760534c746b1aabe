"""Getting back in: a password reset by mail, and a change of password by a signed-in person. Either
raises the account's session generation, so that every other session and every reset link ends."""

from __future__ import annotations

from pydantic import BaseModel, EmailStr, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session

from jobboard.accounts.links import AccountLinks, lifetime_minutes
from jobboard.accounts.models import LinkPurpose, User
from jobboard.accounts.passwords import NewPassword
from jobboard.accounts.services import AccountService
from jobboard.audit import services as audit
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import InvalidInput, NotFound
from jobboard.mail.services import mail_to


class ResetRequest(BaseModel):
    email: EmailStr = Field(max_length=254)


class PasswordChoice(BaseModel):
    """A new password, typed twice."""

    password: NewPassword
    password_confirm: str = ""

    @field_validator("password_confirm")
    @classmethod
    def _typed_the_same(cls, value: str, info: ValidationInfo) -> str:
        if "password" in info.data and value != info.data["password"]:
            raise PydanticCustomError("password_mismatch", "the two passwords differ")
        return value


class PasswordRecovery:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.accounts = AccountService(session)

    def request_reset(self, email: str) -> None:
        """A reset link to the account with this address, if there is one; nothing tells which."""
        user = self.accounts.find_by_email(email)
        if user is None or not user.is_active:
            return
        with unit_of_work(self.session):
            path = AccountLinks(self.session).issue(user, LinkPurpose.RESET_PASSWORD)
            mail_to(
                self.session,
                user,
                template="password_reset",
                kind="password_reset",
                context={
                    "name": user.full_name,
                    "path": path,
                    "minutes": lifetime_minutes(LinkPurpose.RESET_PASSWORD),
                },
            )

    def check_link(self, token: str) -> User:
        """The account a reset link is for, if it may be used now (``LinkNotValid`` if not)."""
        return AccountLinks(self.session).open(token, LinkPurpose.RESET_PASSWORD)[1]

    def reset(self, token: str, choice: PasswordChoice) -> User:
        with unit_of_work(self.session):
            links = AccountLinks(self.session)
            link, user = links.open(token, LinkPurpose.RESET_PASSWORD)
            links.use(link)
            self.accounts.set_password(user, choice.password)
            if user.email_verified_at is None:  # the link came by mail: the address is theirs
                user.email_verified_at = utcnow()
            self._audit(user, "account.password_reset")
        return user

    def change(self, user: User, current_password: str, choice: PasswordChoice) -> User:
        if not self.accounts.password_matches(user, current_password):
            raise InvalidInput({"current_password": "password_wrong"})
        with unit_of_work(self.session):
            account = self.accounts.get(user.id or 0)
            if account is None:  # closed since this request began
                raise NotFound()
            self.accounts.set_password(account, choice.password)
            self._audit(account, "account.password_changed")
        return account

    def _audit(self, user: User, action: str) -> None:
        audit.record(self.session, actor_id=user.id, action=action, subject_type="user", subject_id=user.id)
