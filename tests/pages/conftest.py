"""A small fair behind Litestar's test client, with a visitor per role, for rendering every page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from litestar import Litestar, get
from sqlmodel import col, select

from jobboard.accounts.links import AccountLinks
from jobboard.accounts.models import LinkPurpose
from jobboard.accounts.services import AccountService
from jobboard.applications.models import Application
from jobboard.companies.models import Company
from jobboard.core.clock import utcnow
from jobboard.core.db import open_session, unit_of_work
from jobboard.core.roles import FirmRole
from jobboard.core.tokens import new_token
from jobboard.jobs.models import Job
from jobboard.mail.models import OutgoingMail
from jobboard.notifications.models import MailKind, MailStopToken
from jobboard.plugin import BoardPlugin
from jobboard.teams.models import INVITATION_LIFETIME, FirmInvitation
from tests.web.conftest import Fair, Visitor, app, fair, running_app, staff, sync_index, visitor

__all__ = ["Board", "Fair", "Visitor", "app", "board", "fair", "running_app", "staff", "visitor"]

OPEN_JOB = "光学设计工程师"
PENDING_JOB = "芯片测试工程师"


@dataclass
class Board:
    """Every role signed in, and one record of each kind a page can be about."""

    app: Litestar
    anonymous: Visitor
    seeker: Visitor
    employer: Visitor
    staff: Visitor
    job_id: int  # published, employer's own, with an application
    open_job_id: int  # published, nobody applied yet
    pending_job_id: int  # awaiting review
    company_id: int
    application_id: int
    reset_path: str  # a password reset link of the seeker's, unused
    stop_token: str  # a mail's one-click stop link, for the seeker's news of applications
    mail_id: int  # a mail in the outbox (the seeker's verification mail), for the staff outbox page
    invitation_token: str  # a pending invitation to the employer's team

    def publish(self, title: str, **fields: object) -> int:
        """A new job of the employer's, approved by staff and indexed."""
        assert self.employer.post_job(title, **fields).status_code == 200
        job_id = _job_id(self.app, title)
        assert self.staff.post(f"/staff/jobs/{job_id}/approve").status_code == 200
        sync_index(self.app)
        return job_id

    def roles(self) -> dict[str, Visitor]:
        return {
            "anonymous": self.anonymous,
            "seeker": self.seeker,
            "employer": self.employer,
            "staff": self.staff,
        }


def _job_id(app: Litestar, title: str) -> int:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return session.exec(select(Job.id).where(Job.title == title).order_by(col(Job.id).desc())).first()


@get("/__test__/boom", sync_to_thread=False, include_in_schema=False)
def _boom() -> None:
    """A handler that fails, to see the 500 page."""
    raise RuntimeError("a bug")


@pytest.fixture
def board(app: Litestar, fair: Fair, visitor: Callable[[], Visitor]) -> Board:
    app.register(_boom)
    open_job_id = fair.publish(fair.employer_a, OPEN_JOB, description="负责光学系统设计与仿真。")
    assert fair.employer_b.post_job(PENDING_JOB).status_code == 200
    sync_index(app)
    with open_session(BoardPlugin.state_of(app).engine) as session:
        company_id = session.exec(select(Company.id).where(Company.name_zh == "长春甲光电有限公司")).one()
        seeker_id = session.exec(select(Application.seeker_id)).one()
        stop_token, digest = new_token()
        session.add(MailStopToken(digest=digest, user_id=seeker_id, kind=MailKind.APPLICATION_UPDATE))
        session.commit()
    token, digest = new_token()
    with open_session(BoardPlugin.state_of(app).engine) as session, unit_of_work(session):
        expires_at = utcnow() + INVITATION_LIFETIME
        invitation = FirmInvitation(
            company_id=company_id,
            email="zhao.min@a.example.cn",
            firm_role=FirmRole.RECRUITER,
            token_digest=digest,
            expires_at=expires_at,
        )
        session.add(invitation)
    return Board(
        app=app,
        anonymous=visitor(),
        seeker=fair.seeker,
        employer=fair.employer_a,
        staff=fair.staff,
        job_id=fair.job_id,
        open_job_id=open_job_id,
        pending_job_id=_job_id(app, PENDING_JOB),
        company_id=company_id,
        application_id=fair.application_id,
        reset_path=_reset_path(app, "seeker@example.cn"),
        stop_token=stop_token,
        mail_id=_first_mail(app),
        invitation_token=token,
    )


def _first_mail(app: Litestar) -> int:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        mail_id = session.exec(select(OutgoingMail.id).order_by(col(OutgoingMail.id))).first()
        assert mail_id is not None, "registering queues a verification mail"
        return mail_id


def _reset_path(app: Litestar, email: str) -> str:
    with open_session(BoardPlugin.state_of(app).engine) as session, unit_of_work(session):
        user = AccountService(session).find_by_email(email)
        assert user is not None
        return AccountLinks(session).issue(user, LinkPurpose.RESET_PASSWORD)
