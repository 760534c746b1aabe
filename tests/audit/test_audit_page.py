"""The staff audit log lists approvals, rejections, imports and staff accounts, filtered and paged."""

from __future__ import annotations

import re

from sqlmodel import select

from jobboard.audit import services as audit
from jobboard.audit.services import PAGE_SIZE
from jobboard.companies.models import Company
from tests.web.conftest import Fair, db


def actions_on(html: str) -> list[str]:
    return re.findall(r'<tr data-action="([^"]+)"', html)


def test_audit_page_lists_an_approval(fair: Fair) -> None:
    page = fair.staff.get("/staff/audit")
    assert page.status_code == 200
    assert "company.approve" in actions_on(page.text)
    assert "staff@fair.example.cn" in page.text  # who approved
    assert "企业已审核通过" in page.text


def test_audit_page_filters_by_kind_and_by_action(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_employer("hr@c.example.cn", "长春丙卫星有限公司")
    with db(fair.app) as session:
        pending = session.exec(select(Company.id).where(Company.name_zh == "长春丙卫星有限公司")).one()
    fair.staff.post(f"/staff/companies/{pending}/reject", {"reason": "资料不全"})
    approvals = actions_on(fair.staff.get("/staff/audit?action=approvals").text)
    assert set(approvals) == {"company.approve", "job.approve"}
    rejections = fair.staff.get("/staff/audit?action=rejections").text
    assert actions_on(rejections) == ["company.reject"] and "资料不全" in rejections
    exact = actions_on(fair.staff.get("/staff/audit?action=job.approve").text)
    assert exact and set(exact) == {"job.approve"}
    assert actions_on(fair.staff.get("/staff/audit?action=staff").text) == ["staff.created"]


def test_audit_page_is_paginated(fair: Fair) -> None:
    with db(fair.app) as session:
        for number in range(PAGE_SIZE + 5):
            audit.record(
                session, actor_id=None, action="staff.deactivated", subject_type="user", subject_id=number
            )
        session.commit()
    first = fair.staff.get("/staff/audit?action=staff.deactivated")
    second = fair.staff.get("/staff/audit?action=staff.deactivated&page=2")
    assert len(actions_on(first.text)) == PAGE_SIZE and 'rel="next"' in first.text
    assert len(actions_on(second.text)) == 5 and 'rel="prev"' in second.text
    assert len(actions_on(fair.staff.get("/staff/audit?action=staff.deactivated&page=99").text)) == 5
