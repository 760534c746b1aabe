"""Registration, sign-in and staff accounts. Passwords are hashed with argon2id."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, EmailStr, Field, field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session, select

from jobboard.accounts.models import Role, User
from jobboard.accounts.passwords import NewPassword
from jobboard.accounts.verification import EmailVerification
from jobboard.audit import services as audit
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import Conflict, InvalidInput
from jobboard.core.i18n import LOCALES
from jobboard.core.validation import validate

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the e-mail is unknown, so that a miss costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")
# A mainland mobile (11 digits from 13… to 19…, optionally +86), or for foreign candidates any other
# number in E.164: "+", the country code and the number, 8 to 15 digits in all.
_MAINLAND_MOBILE = re.compile(r"(?:\+86)?1[3-9]\d{9}")
_INTERNATIONAL = re.compile(r"\+(?!86)[1-9]\d{7,14}")
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")


class Credentials(BaseModel):
    email: EmailStr = Field(max_length=254)
    password: NewPassword


class SeekerSignup(Credentials):
    full_name: str = Field(min_length=1, max_length=100)
    phone: str = Field(default="", max_length=30)

    @field_validator("phone")
    @classmethod
    def _a_reachable_phone(cls, value: str) -> str:
        """Written as people write them ("138 0013 8000", "+49 (30) 1234567"), kept without separators."""
        number = _PHONE_SEPARATORS.sub("", value)
        if number and not (_MAINLAND_MOBILE.fullmatch(number) or _INTERNATIONAL.fullmatch(number)):
            raise PydanticCustomError("phone_invalid", "not a mobile or E.164 number")
        return number


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _password_is(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class AccountService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> User | None:
        user = self.session.get(User, user_id)
        return user if user is not None and user.is_active else None

    def find_by_email(self, email: str) -> User | None:
        return self.session.exec(select(User).where(User.email == email.strip().lower())).first()

    def authenticate(self, email: str, password: str) -> User | None:
        user = self.find_by_email(email)
        if user is None or not user.is_active:
            _password_is(_DUMMY_HASH, password)
            return None
        # Forms trimmed passwords before they were kept as typed: an older account's may lack its spaces.
        if not _password_is(user.password_hash, password) and not (
            password != password.strip() and _password_is(user.password_hash, password.strip())
        ):
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            with unit_of_work(self.session):
                user.password_hash = hash_password(password)
        return user

    def new_user(
        self,
        credentials: Credentials,
        role: Role,
        *,
        full_name: str = "",
        phone: str = "",
        language: str = "zh",
        verified: bool = False,
    ) -> User:
        """Adds the user to the session without committing (employers commit with their company).
        ``verified``: accounts the board makes itself (staff, demo), whose address needs no proof."""
        email = credentials.email.strip().lower()
        if self.find_by_email(email) is not None:
            raise InvalidInput({"email": "email_taken"})
        user = User(
            email=email,
            password_hash=hash_password(credentials.password),
            role=role,
            full_name=full_name,
            phone=phone,
            language=language,
            email_verified_at=utcnow() if verified else None,
        )
        self.session.add(user)
        self.session.flush()
        return user

    def register_seeker(
        self, signup: SeekerSignup, *, language: str = "zh", next_path: str = "", verified: bool = False
    ) -> User | None:
        """A new, unverified account and the mail that verifies it (then on to ``next_path``). For an
        address that has an account already, only a mail to it saying so: ``None``, and no second one."""
        with unit_of_work(self.session):
            if self.tell_if_registered(signup.email, signup.password):
                return None
            user = self.new_user(
                signup,
                Role.SEEKER,
                full_name=signup.full_name,
                phone=signup.phone,
                language=language,
                verified=verified,
            )
            if not verified:
                EmailVerification(self.session).send(user, next_path)
            return user

    def tell_if_registered(self, email: str, password: str) -> bool:
        """For a sign-up: if the address has an account, its owner hears so by mail (how to sign in or
        reset the password). The password is hashed all the same, so that both answers take as long."""
        existing = self.find_by_email(email)
        if existing is None:
            return False
        hash_password(password)
        EmailVerification(self.session).tell_existing(existing)
        return True

    def set_password(self, user: User, password: str) -> None:
        """Inside the caller's unit of work: every session and reset link of the account ends with it."""
        user.password_hash = hash_password(password)
        user.session_generation += 1
        self.session.add(user)

    def set_language(self, user: User, language: str) -> User:
        """The language the board's mails to this person are written in."""
        if language not in LOCALES:
            raise InvalidInput({"language": "enum"})
        with unit_of_work(self.session):
            account = self.get(user.id or 0)
            if account is None:
                raise Conflict("account_closed")
            account.language = language
        return account

    def password_matches(self, user: User, password: str) -> bool:
        return _password_is(user.password_hash, password)

    def create_staff(self, email: str, password: str, actor_id: int | None = None) -> User:
        credentials = validate(Credentials, {"email": email, "password": password})
        with unit_of_work(self.session):
            if self.find_by_email(credentials.email) is not None:
                raise Conflict("email_taken")
            user = self.new_user(credentials, Role.STAFF, full_name="Fair staff", verified=True)
            audit.record(
                self.session,
                actor_id=actor_id,
                action="staff.created",
                subject_type="user",
                subject_id=user.id,
            )
        return user
