"""Declining a candidate is asked first, sits apart from the other steps, can be undone for ten minutes."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar

from jobboard.applications.models import Application, ApplicationStatus
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair

EN = {"Accept-Language": "en"}


def _application(app: Litestar, application_id: int) -> Application:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        application = session.get(Application, application_id)
        assert application is not None
        return application


def _declined_earlier(app: Litestar, application_id: int, minutes: int) -> None:
    """Moves the stored decline back in time instead of waiting."""
    with open_session(BoardPlugin.state_of(app).engine) as session:
        application = session.get(Application, application_id)
        assert application is not None and application.declined_at is not None
        application.declined_at -= timedelta(minutes=minutes)
        session.add(application)
        session.commit()


def test_decline_is_a_link_to_a_question_set_apart_from_the_other_steps(fair: Fair) -> None:
    page = fair.employer_a.get(f"/employer/applications/{fair.application_id}").text
    decline_url = f"/employer/applications/{fair.application_id}/decline"
    assert f'href="{decline_url}"' in page
    assert f'action="/employer/applications/{fair.application_id}/reject"' not in page  # no one-tap decline
    harmless, destructive = page.split('class="actions actions-destructive"')
    assert "/invite" in harmless and "/invite" not in destructive and decline_url in destructive
    question = fair.employer_a.get(decline_url, headers=EN)
    assert question.status_code == 200 and "You can undo this for 10 minutes." in question.text
    assert f'action="/employer/applications/{fair.application_id}/reject"' in question.text
    assert (
        _application(fair.app, fair.application_id).status == ApplicationStatus.VIEWED
    )  # asking changed nothing


def test_another_firm_cannot_reach_the_decline_question(fair: Fair) -> None:
    answer = fair.employer_b.get(f"/employer/applications/{fair.application_id}/decline")
    assert answer.status_code == 404


def test_a_decline_undone_within_ten_minutes_returns_to_the_step_it_was_taken_at(fair: Fair) -> None:
    employer = fair.employer_a
    employer.post(f"/employer/applications/{fair.application_id}/invite")
    assert employer.post(f"/employer/applications/{fair.application_id}/reject").status_code == 200
    declined = _application(fair.app, fair.application_id)
    assert declined.status == ApplicationStatus.REJECTED
    assert declined.declined_from == ApplicationStatus.INTERVIEW
    page = employer.get(f"/employer/applications/{fair.application_id}", headers=EN).text
    assert "You can undo this until" in page and "/undo_decline" in page
    _declined_earlier(fair.app, fair.application_id, 9)
    assert employer.post(f"/employer/applications/{fair.application_id}/undo_decline").status_code == 200
    undone = _application(fair.app, fair.application_id)
    assert undone.status == ApplicationStatus.INTERVIEW and undone.declined_at is None


def test_after_ten_minutes_the_decline_stands(fair: Fair) -> None:
    employer = fair.employer_a
    employer.post(f"/employer/applications/{fair.application_id}/reject")
    _declined_earlier(fair.app, fair.application_id, 11)
    assert "/undo_decline" not in employer.get(f"/employer/applications/{fair.application_id}").text
    answer = employer.post(f"/employer/applications/{fair.application_id}/undo_decline", headers=EN)
    assert answer.status_code == 200 and "The time to undo the decline has passed" in answer.text
    assert _application(fair.app, fair.application_id).status == ApplicationStatus.REJECTED


def test_only_the_hiring_firm_undoes_a_decline(fair: Fair) -> None:
    fair.employer_a.post(f"/employer/applications/{fair.application_id}/reject")
    assert (
        fair.employer_b.post(f"/employer/applications/{fair.application_id}/undo_decline").status_code == 404
    )
    assert _application(fair.app, fair.application_id).status == ApplicationStatus.REJECTED


def test_nothing_declined_has_nothing_to_undo(fair: Fair) -> None:
    answer = fair.employer_a.post(f"/employer/applications/{fair.application_id}/undo_decline")
    assert answer.status_code == 409
