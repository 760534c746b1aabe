"""Who may take which action: each state machine's table, and every route refusing what a role may not do."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import pytest
from litestar import Litestar
from sqlmodel import SQLModel, select

from jobboard.applications.models import APPLICATION_PIPELINE, Application, ApplicationAction
from jobboard.companies.models import COMPANY_LIFECYCLE, Company, CompanyAction, CompanyStatus
from jobboard.core.db import open_session
from jobboard.core.roles import Role
from jobboard.core.state_machine import StateMachine
from jobboard.jobs.models import JOB_LIFECYCLE, REVISION_REVIEW, Job, JobAction, RevisionAction
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair

A, C, J, R = ApplicationAction, CompanyAction, JobAction, RevisionAction
# Who takes each action, in the fair's words (None: the board itself); edits come with a form of their own.
JOB_BUTTONS: dict[Role | None, set[StrEnum]] = {
    Role.EMPLOYER: {J.SUBMIT, J.CLOSE, J.UNDO_CLOSE, J.REOPEN},
    Role.STAFF: {J.APPROVE, J.REJECT},
    Role.SEEKER: set(),
    None: {J.EXPIRE},
}
TABLES: list[tuple[StateMachine[Any, Any], dict[Role | None, set[StrEnum]], set[tuple[Role, StrEnum]]]] = [
    (JOB_LIFECYCLE, JOB_BUTTONS, {(Role.EMPLOYER, J.REVISE), (Role.STAFF, J.IMPORT)}),
    (
        COMPANY_LIFECYCLE,
        {Role.EMPLOYER: set(), Role.STAFF: {C.APPROVE, C.REJECT, C.SUSPEND, C.REINSTATE}, Role.SEEKER: set()},
        {(Role.EMPLOYER, C.RESUBMIT)},
    ),
    (
        APPLICATION_PIPELINE,
        {
            Role.EMPLOYER: {A.VIEW, A.INVITE, A.OFFER, A.HIRE, A.REJECT, A.UNDO_DECLINE},
            Role.STAFF: set(),
            Role.SEEKER: {A.WITHDRAW},
        },
        set(),
    ),
    (
        REVISION_REVIEW,
        {Role.EMPLOYER: set(), Role.STAFF: {R.APPROVE, R.REJECT}, Role.SEEKER: set()},
        {(Role.EMPLOYER, R.AMEND), (Role.EMPLOYER, R.WITHDRAW)},
    ),
]


@pytest.mark.parametrize(
    ("machine", "buttons_by_role", "edits"), TABLES, ids=["jobs", "companies", "applications", "revisions"]
)
def test_each_role_takes_exactly_the_actions_the_table_gives_it(
    machine: StateMachine[Any, Any],
    buttons_by_role: dict[Role | None, set[StrEnum]],
    edits: set[tuple[Role, StrEnum]],
) -> None:
    for role in [*Role, None]:
        buttons = buttons_by_role.get(role, set())
        for action, moves in machine.transitions.items():
            own_edit = (role, action) in edits
            assert machine.may_take(action, role) == (action in buttons or own_edit), (role, action)
            for state in moves:
                offered = action in machine.actions_for(state, role)
                assert offered == (action in buttons), (role, action, state)
                if action in buttons:
                    assert machine.target(state, action, role) == moves[state]
                elif own_edit:
                    assert machine.target(state, action, role, edit=True) == moves[state]
                else:
                    with pytest.raises(Exception, match="forbidden"):
                        machine.target(state, action, role, edit=True)


def _status(app: Litestar, model: type[SQLModel], row_id: int) -> str:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        row: Any = session.get(model, row_id)
        return str(row.status)


def _company_id(app: Litestar, name: str) -> int:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        return session.exec(select(Company.id).where(Company.name_zh == name)).one()


def test_staff_resubmit_of_a_rejected_company_is_refused_and_changes_nothing(
    fair: Fair, visitor: Any
) -> None:
    employer = visitor()
    employer.register_employer("hr@rejected.example.cn", "被拒光电公司")
    company_id = _company_id(fair.app, "被拒光电公司")
    assert fair.staff.post(f"/staff/companies/{company_id}/reject", {"reason": "信息不全"}).status_code == 200
    page = fair.staff.get("/staff/companies?status=rejected").text
    assert f"/staff/companies/{company_id}/resubmit" not in page
    assert fair.staff.post(f"/staff/companies/{company_id}/resubmit").status_code == 403
    assert _status(fair.app, Company, company_id) == CompanyStatus.REJECTED


def test_job_routes_refuse_the_other_roles_actions(fair: Fair) -> None:
    for action in JobAction:
        before = _status(fair.app, Job, fair.job_id)
        by_employer = fair.employer_a.post(f"/employer/jobs/{fair.job_id}/{action}").status_code
        by_staff = fair.staff.post(f"/staff/jobs/{fair.job_id}/{action}", {"reason": "不合适"}).status_code
        assert (by_employer == 403) == (action not in JOB_BUTTONS[Role.EMPLOYER]), action
        assert (by_staff == 403) == (action not in JOB_BUTTONS[Role.STAFF]), action
        if by_employer == by_staff == 403:
            assert _status(fair.app, Job, fair.job_id) == before, action


def test_employer_cannot_withdraw_for_the_job_seeker(fair: Fair) -> None:
    path = f"/employer/applications/{fair.application_id}/withdraw"
    assert fair.employer_a.post(path).status_code == 403
    assert _status(fair.app, Application, fair.application_id) != "withdrawn"
