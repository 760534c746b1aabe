"""The account services without HTTP: links kept as digests and used once, registration's mails written in
the same unit of work as the account, and passwords as typed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlmodel import select

from jobboard import cli
from jobboard.accounts.links import AccountLinks, LinkNotValid
from jobboard.accounts.models import AccountLink, LinkPurpose, User
from jobboard.accounts.services import AccountService, SeekerSignup, hash_password
from jobboard.core.db import open_session, unit_of_work
from jobboard.core.settings import Settings
from jobboard.mail.models import OutgoingMail

PASSWORD = "correct horse battery"


def _seeker(engine: Engine, email: str = "li.ming@example.cn", **options: object) -> User | None:
    signup = SeekerSignup(email=email, password=PASSWORD, full_name="李明")
    with open_session(engine) as session:
        return AccountService(session).register_seeker(signup, **options)  # type: ignore[arg-type]


def _issue(engine: Engine, purpose: LinkPurpose) -> str:
    with open_session(engine) as session, unit_of_work(session):
        user = session.exec(select(User)).one()
        return AccountLinks(session).issue(user, purpose).split("token=", 1)[1]


def _use(engine: Engine, token: str, purpose: LinkPurpose) -> None:
    with open_session(engine) as session, unit_of_work(session):
        links = AccountLinks(session)
        links.use(links.open(token, purpose)[0])


def test_registration_writes_the_account_and_its_verification_mail_together(engine: Engine) -> None:
    user = _seeker(engine, language="en", next_path="/jobs/7/apply")
    assert user is not None and not user.is_verified
    with open_session(engine) as session:
        (mail,) = session.exec(select(OutgoingMail)).all()
        (link,) = session.exec(select(AccountLink)).all()
    assert (mail.kind, mail.language, mail.user_id) == ("email_verification", "en", user.id)
    assert link.next_path == "/jobs/7/apply" and link.purpose is LinkPurpose.VERIFY_EMAIL
    token = mail.context["path"].split("token=", 1)[1]
    assert token not in link.token_digest and len(link.token_digest) == 64  # only the digest is kept


def test_a_known_address_gets_a_mail_and_no_second_account(engine: Engine) -> None:
    _seeker(engine)
    assert _seeker(engine, email="LI.MING@example.cn") is None
    with open_session(engine) as session:
        assert len(session.exec(select(User)).all()) == 1
        kinds = session.exec(select(OutgoingMail.kind).order_by(OutgoingMail.id)).all()
    assert kinds == ["email_verification", "account_exists"]


def test_a_link_works_once_even_when_two_requests_race(engine: Engine) -> None:
    _seeker(engine)
    token = _issue(engine, LinkPurpose.RESET_PASSWORD)
    with open_session(engine) as first, open_session(engine) as second:
        opened = []
        for session in (first, second):  # both find it unused
            opened.append(AccountLinks(session).open(token, LinkPurpose.RESET_PASSWORD)[0])
            session.rollback()  # on SQLite every transaction holds the write lock: end the reading one
        with unit_of_work(first):
            AccountLinks(first).use(opened[0])
        with pytest.raises(LinkNotValid) as refused, unit_of_work(second):
            AccountLinks(second).use(opened[1])
    assert refused.value.code == "link_used"
    with pytest.raises(LinkNotValid, match="link_used"):
        _use(engine, token, LinkPurpose.RESET_PASSWORD)


def test_a_password_change_voids_every_link_of_the_account(engine: Engine) -> None:
    _seeker(engine)
    reset, verify = _issue(engine, LinkPurpose.RESET_PASSWORD), _issue(engine, LinkPurpose.VERIFY_EMAIL)
    with pytest.raises(LinkNotValid, match="link_unknown"):  # a link is for its one purpose
        _use(engine, verify, LinkPurpose.RESET_PASSWORD)
    with open_session(engine) as session, unit_of_work(session):
        AccountService(session).set_password(session.exec(select(User)).one(), "another long phrase")
    for token, purpose in ((reset, LinkPurpose.RESET_PASSWORD), (verify, LinkPurpose.VERIFY_EMAIL)):
        with pytest.raises(LinkNotValid, match="link_replaced"):  # both would sign in
            _use(engine, token, purpose)


def test_an_older_account_whose_password_was_trimmed_still_signs_in(engine: Engine) -> None:
    _seeker(engine)
    with open_session(engine) as session, unit_of_work(session):
        session.exec(select(User)).one().password_hash = hash_password("trimmed once")
    with open_session(engine) as session:
        accounts = AccountService(session)
        assert accounts.authenticate("li.ming@example.cn", " trimmed once ") is not None  # typed as then
        assert accounts.authenticate("li.ming@example.cn", "trimmed once") is not None
        assert accounts.authenticate("li.ming@example.cn", "trimmed  once") is None


def test_create_staff_refuses_a_common_password_with_a_message(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    refused = CliRunner().invoke(
        cli.jobboard, ["create-staff", "staff@fair.example.cn"], input="iloveyou1\n" * 2
    )
    assert refused.exit_code == 2 and "one of the commonest passwords" in refused.output
    made = CliRunner().invoke(
        cli.jobboard, ["create-staff", "staff@fair.example.cn"], input="fair staff 2026\n" * 2
    )
    assert made.exit_code == 0, made.output
    with open_session(engine) as session:
        assert session.exec(select(User)).one().is_verified  # the board made it: nothing to prove
