"""Staff review of firms: a booth number is one approved firm's, and the card shows who registered the
firm, when, and under which credit code."""

from __future__ import annotations

import html

from sqlmodel import select

from jobboard.companies.models import Company, CompanyStatus
from tests.web.conftest import Fair, db

CODE = "914403001922038216"


def company(fair: Fair, name: str) -> Company:
    with db(fair.app) as session:
        return session.exec(select(Company).where(Company.name_zh == name)).one()


def test_registration_and_profile_refuse_an_approved_firms_booth(fair: Fair, visitor) -> None:
    taken = visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", booth="b2-016 ")
    assert taken.status_code == 400 and "该展位号已由其他企业使用" in taken.text
    assert "长春甲光电有限公司" not in taken.text  # employers are not told whose booth it is
    profile = {"name_zh": "长春乙芯片有限公司", "segment": "chips", "city": "长春", "booth": "B2-016"}
    moved = fair.employer_b.post("/employer/company", profile)
    assert moved.status_code == 400 and "该展位号已由其他企业使用" in moved.text
    assert company(fair, "长春乙芯片有限公司").booth == "B2-018"
    kept = fair.employer_a.post("/employer/company", profile | {"name_zh": "长春甲光电有限公司"})
    assert kept.status_code == 200  # a firm's own booth is not taken from it


def test_approval_onto_a_held_booth_is_refused_naming_the_holder(fair: Fair, visitor) -> None:
    visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", booth="B2-020")
    visitor().register_employer("hr@d.example.cn", "长春丁光学有限公司", booth="B2-020")  # both pending
    first, second = company(fair, "长春丙光学有限公司"), company(fair, "长春丁光学有限公司")
    fair.staff.post(f"/staff/companies/{first.id}/approve")
    refused = fair.staff.post(f"/staff/companies/{second.id}/approve")
    assert "长春丁光学有限公司 未获批准：展位 B2-020 已由 长春丙光学有限公司 使用。" in refused.text
    assert company(fair, "长春丁光学有限公司").status == CompanyStatus.PENDING


def test_reinstating_onto_a_booth_taken_meanwhile_is_refused(fair: Fair, visitor) -> None:
    firm_a = company(fair, "长春甲光电有限公司")
    fair.staff.post(f"/staff/companies/{firm_a.id}/suspend", {"reason": "资料不全"})
    visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", booth="B2-016")
    newcomer = company(fair, "长春丙光学有限公司")
    fair.staff.post(f"/staff/companies/{newcomer.id}/approve")
    refused = fair.staff.post(f"/staff/companies/{firm_a.id}/reinstate")
    assert "已由 长春丙光学有限公司 使用" in refused.text
    assert company(fair, "长春甲光电有限公司").status == CompanyStatus.SUSPENDED


def test_the_review_card_shows_contact_registration_time_and_credit_code(fair: Fair, visitor) -> None:
    visitor().register_employer("hr@c.example.cn", "长春丙光学有限公司", credit_code=CODE)
    visitor().register_employer("hr@e.example.com", "Foreign Optics GmbH")
    page = html.unescape(fair.staff.get("/staff/companies").text)
    card = page.split("长春丙光学有限公司", 1)[1].split("</article>", 1)[0]
    assert "统一社会信用代码" in card and CODE in card
    assert "联系人" in card and "王芳" in card and 'href="mailto:hr@c.example.cn"' in card
    registered = company(fair, "长春丙光学有限公司").created_at
    assert "注册时间" in card and f'datetime="{registered.isoformat()}"' in card
    foreign = page.split("Foreign Optics GmbH", 1)[1].split("</article>", 1)[0]
    assert "未填写（在中国大陆以外注册）" in foreign
