"""Services own their units of work: a failed write leaves nothing half-written; the form keeps the input."""

from __future__ import annotations

import pytest
from litestar import Litestar
from sqlmodel import select

from jobboard.companies.models import Company
from jobboard.core.db import open_session, unit_of_work
from jobboard.plugin import BoardPlugin


def test_an_employer_registration_with_a_taken_address_writes_no_company(app: Litestar, visitor) -> None:
    visitor().register_seeker("taken@example.cn")
    response = visitor().register_employer("taken@example.cn", "半途光电有限公司")
    assert response.status_code == 200 and "请查收邮件" in response.text  # as for a new address
    with open_session(BoardPlugin.state_of(app).engine) as session:
        assert session.exec(select(Company).where(Company.name_zh == "半途光电有限公司")).first() is None


def test_an_inner_unit_joins_the_outer_one_and_any_error_rolls_both_back(app: Litestar, running_app) -> None:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        with pytest.raises(RuntimeError), unit_of_work(session):
            session.add(Company(name_zh="外层光电"))
            with unit_of_work(session):  # must not commit the outer unit's firm
                session.add(Company(name_zh="内层光电"))
            raise RuntimeError("after the inner unit")
        with unit_of_work(session):
            session.add(Company(name_zh="之后光电"))
    with open_session(BoardPlugin.state_of(app).engine) as session:
        names = set(session.exec(select(Company.name_zh)).all())
    assert names == {"之后光电"}
