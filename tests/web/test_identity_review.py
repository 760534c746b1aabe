"""An approved firm's new name, credit code or booth waits for staff; the approved identity stays public."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from jobboard.applications.models import Application
from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company, CompanyIdentityChange, CompanyProfile, IdentityStatus
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.web.conftest import Fair, Visitor

A_NAME = "长春甲光电有限公司"
NEW_NAME = "长春丁光学有限公司"
CODE = "914403001922038216"
EN = {"Accept-Language": "en"}


def _company(fair: Fair, name: str = A_NAME) -> Company:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return session.exec(select(Company).where(Company.name_zh == name)).one()


def _edit(fair: Fair, employer: Visitor, company_name: str, **changes: str) -> Any:
    """Saves the profile form as it stands, with ``changes`` typed in."""
    values = _company(fair, company_name).model_dump(include=set(CompanyProfile.model_fields))
    form = {name: "" if value is None else str(value) for name, value in values.items()}
    return employer.post("/employer/company", form | changes, headers=EN)


def _changes(fair: Fair) -> list[CompanyIdentityChange]:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return list(session.exec(select(CompanyIdentityChange).order_by(col(CompanyIdentityChange.id))))


def _audit_actions(fair: Fair) -> list[str]:
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        return list(session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))))


def test_a_new_identity_waits_while_the_approved_one_stays_public_and_named_in_consent(fair: Fair) -> None:
    saved = _edit(fair, fair.employer_a, A_NAME, name_zh=NEW_NAME, booth="B2-030", city="吉林")
    assert saved.status_code == 200 and "awaits review" in saved.text
    company = _company(fair)  # still found by the approved name
    assert (company.booth, company.city) == ("B2-016", "吉林")  # the rest of the profile is live at once
    assert [change.name_zh for change in _changes(fair)] == [NEW_NAME]
    assert "company.identity_proposed" in _audit_actions(fair)
    public = fair.seeker.get(f"/companies/{company.id}").text
    assert A_NAME in public and NEW_NAME not in public
    newcomer = fair.seeker  # a second job: its consent must name the approved firm
    job_id = fair.publish(fair.employer_a, "光学设计工程师")
    form = newcomer.get(f"/jobs/{job_id}/apply").text
    assert A_NAME in form and NEW_NAME not in form
    assert newcomer.apply(job_id).status_code == 200
    with open_session(BoardPlugin.state_of(fair.app).engine) as session:
        query = select(Application.consent_recipient).where(Application.job_id == job_id)
        consent = session.exec(query).one()
    assert consent == A_NAME
    profile = fair.employer_a.get("/employer/company", headers=EN).text
    assert f'value="{NEW_NAME}"' in profile and "awaits review by the fair staff" in profile
    home = fair.employer_a.get("/employer", headers=EN).text
    assert A_NAME in home and "awaits review by the fair staff" in home


def test_staff_approve_the_change_onto_the_firm(fair: Fair) -> None:
    _edit(fair, fair.employer_a, A_NAME, name_zh=NEW_NAME, credit_code=CODE)
    review = fair.staff.get("/staff/companies", headers=EN).text
    change = _changes(fair)[0]
    assert NEW_NAME in review and f'action="/staff/companies/identity/{change.id}/approve"' in review
    assert fair.staff.post(f"/staff/companies/identity/{change.id}/approve").status_code == 200
    company = _company(fair, NEW_NAME)
    assert company.credit_code == CODE and company.booth == "B2-016"
    assert _changes(fair)[0].status == IdentityStatus.APPROVED
    assert "company.identity_approve" in _audit_actions(fair)
    assert NEW_NAME in fair.seeker.get(f"/jobs/{fair.job_id}/apply").text


def test_staff_reject_with_a_reason_and_the_employer_reads_it(fair: Fair) -> None:
    _edit(fair, fair.employer_a, A_NAME, booth="B2-018")  # firm B's booth: refused in the form itself
    assert _changes(fair) == []
    _edit(fair, fair.employer_a, A_NAME, name_en="Changchun Ding Optics")
    change = _changes(fair)[0]
    assert fair.staff.post(f"/staff/companies/identity/{change.id}/reject").status_code == 200
    assert _changes(fair)[0].status == IdentityStatus.PENDING  # no reason: nothing decided
    reason = "英文名称与营业执照不符"
    fair.staff.post(f"/staff/companies/identity/{change.id}/reject", {"reason": reason})
    assert _changes(fair)[0].status == IdentityStatus.REJECTED and _company(fair).name_en == ""
    profile = fair.employer_a.get("/employer/company", headers=EN).text
    assert reason in profile and "was not accepted" in profile


def test_a_name_taken_meanwhile_is_not_approved(fair: Fair) -> None:
    _edit(fair, fair.employer_a, A_NAME, name_zh=NEW_NAME)
    _edit(fair, fair.employer_b, "长春乙芯片有限公司", name_zh=NEW_NAME)  # neither holds it yet
    first, second = _changes(fair)
    fair.staff.post(f"/staff/companies/identity/{first.id}/approve")
    page = fair.staff.post(f"/staff/companies/identity/{second.id}/approve", headers=EN)
    assert "belongs to another company" in page.text
    assert _changes(fair)[1].status == IdentityStatus.PENDING
    assert _company(fair, "长春乙芯片有限公司").booth == "B2-018"


def test_editing_back_to_the_approved_identity_withdraws_the_change(fair: Fair) -> None:
    _edit(fair, fair.employer_a, A_NAME, name_zh=NEW_NAME)
    _edit(fair, fair.employer_a, A_NAME, name_zh=A_NAME)
    assert [change.status for change in _changes(fair)] == [IdentityStatus.WITHDRAWN]
    assert "company.identity_withdraw" in _audit_actions(fair)


def test_a_firm_not_yet_approved_edits_its_identity_directly(fair: Fair, visitor: Any) -> None:
    pending = visitor()
    assert pending.register_employer("hr@c.example.cn", "长春丙激光有限公司").status_code == 200
    _edit(fair, pending, "长春丙激光有限公司", name_zh="长春丙激光科技有限公司")
    assert _company(fair, "长春丙激光科技有限公司").status == "pending" and _changes(fair) == []
