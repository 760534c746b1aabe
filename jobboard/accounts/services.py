"""Registration, sign-in and staff accounts. Passwords are hashed with argon2id."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, EmailStr, Field, field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session, select

from jobboard.accounts.models import Role, User
from jobboard.audit import services as audit
from jobboard.core.db import unit_of_work
from jobboard.core.errors import Conflict, InvalidInput
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
    password: str = Field(min_length=8, max_length=200)


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
        try:
            if user is None or not user.is_active:
                _hasher.verify(_DUMMY_HASH, password)
                return None
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            with unit_of_work(self.session):
                user.password_hash = hash_password(password)
        return user

    def new_user(self, credentials: Credentials, role: Role, *, full_name: str = "", phone: str = "") -> User:
        """Adds the user to the session without committing (employers commit with their company)."""
        email = credentials.email.strip().lower()
        if self.find_by_email(email) is not None:
            raise InvalidInput({"email": "email_taken"})
        user = User(
            email=email,
            password_hash=hash_password(credentials.password),
            role=role,
            full_name=full_name,
            phone=phone,
        )
        self.session.add(user)
        self.session.flush()
        return user

    def register_seeker(self, signup: SeekerSignup) -> User:
        with unit_of_work(self.session):
            return self.new_user(signup, Role.SEEKER, full_name=signup.full_name, phone=signup.phone)

    def create_staff(self, email: str, password: str, actor_id: int | None = None) -> User:
        credentials = validate(Credentials, {"email": email, "password": password})
        with unit_of_work(self.session):
            if self.find_by_email(credentials.email) is not None:
                raise Conflict("email_taken")
            user = self.new_user(credentials, Role.STAFF, full_name="Fair staff")
            audit.record(
                self.session,
                actor_id=actor_id,
                action="staff.created",
                subject_type="user",
                subject_id=user.id,
            )
        return user
