"""Registering a firm: its segment is asked and kept, its website becomes a working link, its credit code
is checked, and the way in (企业入口) lets a returning employer sign in first."""

from __future__ import annotations

import html
import re

from sqlmodel import select

from jobboard.companies.models import Company
from tests.web.conftest import Fair, db

CODE = "91350100M000100Y43"


def company(fair: Fair, name: str) -> Company:
    with db(fair.app) as session:
        return session.exec(select(Company).where(Company.name_zh == name)).one()


def selected_segment(page: str) -> list[str]:
    return re.findall(r'<option value="(\w+)" selected>', page)


def test_the_form_offers_the_five_segments_and_other(visitor) -> None:
    page = visitor().get("/register/employer").text
    options = re.findall(r'<select id="f-segment".*?</select>', page, re.S)[0]
    values = re.findall(r'<option value="(\w*)"', options)
    assert values == ["", "chips", "optics", "satellites", "automotive", "networks", "other"]
    assert "光学（光）" in options and "请选择产业领域" in options


def test_a_firm_registered_as_optics_is_shown_as_optics(fair: Fair, visitor) -> None:
    person = visitor()
    form = person.get("/register/employer").text
    chosen = re.findall(r'<option value="(\w+)"\s*>光学（光）</option>', form)  # as a person picks it
    assert chosen, "the form offers no optics"
    registered = person.register_employer("hr@c.example.cn", "长春丙光学有限公司", segment=chosen[0])
    assert registered.status_code == 200
    firm = company(fair, "长春丙光学有限公司")
    assert firm.segment == "optics"
    review = fair.staff.get("/staff/companies").text
    card = review.split("长春丙光学有限公司", 1)[1].split("</article>", 1)[0]
    assert "光学（光）" in card and "科研院所与服务机构" not in card
    fair.staff.post(f"/staff/companies/{firm.id}/approve")
    public = visitor().get(f"/companies/{firm.id}").text
    assert "光学（光）" in public and "科研院所与服务机构" not in public


def test_a_firm_must_choose_its_segment(visitor) -> None:
    page = visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", segment="")
    assert page.status_code == 400
    assert 'id="e-segment"' in page.text


def test_the_error_page_keeps_the_chosen_segment(visitor) -> None:
    page = visitor().register_employer("not-an-address", "长春丙光学有限公司", segment="satellites")
    assert page.status_code == 400
    assert selected_segment(page.text) == ["satellites"]


def test_a_website_without_a_scheme_becomes_a_working_link(fair: Fair, visitor) -> None:
    visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", website="newfirm.example.cn")
    firm = company(fair, "长春丙光学有限公司")
    assert firm.website == "https://newfirm.example.cn"
    saved = fair.employer_a.post(
        "/employer/company",
        {"name_zh": "长春甲光电有限公司", "segment": "optics", "city": "长春", "website": "www.a.example.cn"},
    )
    assert saved.status_code == 200
    firm_a = company(fair, "长春甲光电有限公司")
    assert firm_a.website == "https://www.a.example.cn"
    assert 'href="https://www.a.example.cn"' in visitor().get(f"/companies/{firm_a.id}").text


def test_a_script_address_is_refused_and_never_linked(fair: Fair, visitor) -> None:
    page = visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", website="javascript:alert(1)")
    assert page.status_code == 400 and "只能填写网址" in page.text
    firm_a = company(fair, "长春甲光电有限公司")
    with db(fair.app) as session:  # a row stored before websites were checked
        stored = session.get(Company, firm_a.id)
        stored.website = "javascript:alert(1)"
        session.add(stored)
        session.commit()
    for page in (
        visitor().get(f"/companies/{firm_a.id}").text,
        fair.staff.get("/staff/companies?status=approved").text,
    ):
        assert "javascript:" not in page


def test_the_credit_code_is_checked_and_belongs_to_one_firm(fair: Fair, visitor) -> None:
    wrong = visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", credit_code=CODE[:-1] + "4")
    assert wrong.status_code == 400 and "最后一位是校验码" in html.unescape(wrong.text)
    first = visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", credit_code=CODE.lower())
    assert first.status_code == 200 and company(fair, "长春丙光学有限公司").credit_code == CODE
    # The same credit code is the same firm: a request to join it, never a second firm (tests/teams).
    again = visitor().register_employer(
        "hr@d.example.cn", "长春丁光学有限公司", credit_code=CODE, verify=False
    )
    assert again.status_code == 200 and "已发送加入申请" in again.text
    with db(fair.app) as session:
        assert session.exec(select(Company).where(Company.name_zh == "长春丁光学有限公司")).first() is None
    abroad = visitor().register_employer("hr@e.example.com", "Foreign Optics GmbH", credit_code="")
    assert abroad.status_code == 200 and company(fair, "Foreign Optics GmbH").credit_code is None


def test_the_employers_entry_offers_sign_in_before_registration(fair: Fair, visitor) -> None:
    home = visitor().get("/").text
    assert re.search(r'<a href="/employers"[^>]*>企业入口</a>', home)
    assert 'href="/register/employer">企业入口' not in home
    entry = visitor().get("/employers").text
    sign_in, register = entry.find('href="/login?next=/employer"'), entry.find('href="/register/employer"')
    assert 0 < sign_in < register
    returning = visitor()
    returning.get("/login?next=/employer")
    landed = returning.post(
        "/login", {"email": "hr@a.example.cn", "password": "correct horse battery", "next": "/employer"}
    )
    assert landed.url.path == "/employer"
