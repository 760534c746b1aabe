"""The undo window of a decline is the service's rule, on the service's clock: both sides without sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from jobboard.accounts.models import User
from jobboard.applications.models import DECLINE_UNDO_WINDOW, ApplicationAction, ApplicationStatus
from jobboard.applications.resumes import ResumeStore
from jobboard.applications.services import ApplicationService
from jobboard.core.db import open_session
from jobboard.core.errors import Conflict
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair

DECLINED_AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _declined(fair: Fair, clock: Clock):
    state = BoardPlugin.state_of(fair.app)
    session = open_session(state.engine)
    service = ApplicationService(session, ResumeStore(state.settings.upload_dir), clock=clock)
    employer = session.exec(select(User).where(User.email == "hr@a.example.cn")).one()
    application = service.employer_transition(employer, fair.application_id, ApplicationAction.REJECT)
    assert application.declined_at == DECLINED_AT and application.declined_from == ApplicationStatus.SUBMITTED
    return session, service, employer


@pytest.mark.parametrize("later", [timedelta(0), DECLINE_UNDO_WINDOW - timedelta(seconds=1)])
def test_within_the_window_the_decline_is_undone(fair: Fair, later: timedelta) -> None:
    clock = Clock(DECLINED_AT)
    session, service, employer = _declined(fair, clock)
    with session:
        clock.now = DECLINED_AT + later
        application, _ = service.get_for_employer(employer, fair.application_id)
        assert service.decline_undo_until(application) == DECLINED_AT + DECLINE_UNDO_WINDOW
        assert ApplicationAction.UNDO_DECLINE in service.actions_for(application, employer)
        undone = service.employer_transition(employer, fair.application_id, ApplicationAction.UNDO_DECLINE)
        assert undone.status == ApplicationStatus.SUBMITTED
        assert undone.declined_at is None and undone.declined_from is None


@pytest.mark.parametrize("later", [DECLINE_UNDO_WINDOW, timedelta(days=1)])
def test_once_the_window_has_passed_the_decline_stands(fair: Fair, later: timedelta) -> None:
    clock = Clock(DECLINED_AT)
    session, service, employer = _declined(fair, clock)
    with session:
        clock.now = DECLINED_AT + later
        application, _ = service.get_for_employer(employer, fair.application_id)
        assert service.decline_undo_until(application) is None
        assert service.actions_for(application, employer) == []
        with pytest.raises(Conflict, match="decline_undo_expired"):
            service.employer_transition(employer, fair.application_id, ApplicationAction.UNDO_DECLINE)
        session.refresh(application)
        assert application.status == ApplicationStatus.REJECTED
