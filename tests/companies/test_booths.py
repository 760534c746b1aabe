"""The public booth directory and each firm's printable poster, whose QR code opens the firm's page."""

from __future__ import annotations

import re

from sqlmodel import select

from jobboard.companies.booths import natural_key
from jobboard.companies.models import Company
from jobboard.plugin import BoardPlugin
from tests.companies.qr_decode import decode_svg_qr
from tests.web.conftest import Fair, db


def company_id(fair: Fair, name: str) -> int:
    with db(fair.app) as session:
        return session.exec(select(Company.id).where(Company.name_zh == name)).one()


def test_directory_lists_approved_firms_by_hall_with_open_jobs(fair: Fair, visitor) -> None:
    fair.publish(fair.employer_a, "光学设计工程师")
    visitor().register_employer("hr@c.example.cn", "长春丙卫星有限公司")  # pending: not at the fair yet
    page = visitor().get("/booths")  # public: no sign-in
    assert page.status_code == 200
    html = page.text
    firm_a, firm_b = company_id(fair, "长春甲光电有限公司"), company_id(fair, "长春乙芯片有限公司")
    rows = dict(re.findall(r'<tr data-company="(\d+)">.*?data-open-jobs="(\d+)"', html, re.S))
    assert rows == {str(firm_a): "2", str(firm_b): "0"}
    assert "长春丙卫星有限公司" not in html
    assert "B2" in html and f"/booths/{firm_a}/poster" in html
    assert visitor().get("/booths?hall=A9").status_code == 200


def test_booth_numbers_sort_as_numbers() -> None:
    booths = ["A2-10", "A10-1", "A2-9", "b1-3"]
    assert sorted(booths, key=natural_key) == ["A2-9", "A2-10", "A10-1", "b1-3"]


def test_poster_qr_code_opens_the_firm_page(fair: Fair, visitor) -> None:
    firm_a = company_id(fair, "长春甲光电有限公司")
    poster = visitor().get(f"/booths/{firm_a}/poster")
    assert poster.status_code == 200
    svg = re.search(r'<svg class="qr".*?</svg>', poster.text, re.S)
    assert svg is not None
    expected = f"{BoardPlugin.state_of(fair.app).settings.base_url}/companies/{firm_a}"
    assert decode_svg_qr(svg.group(0)) == expected
    assert "激光器研发工程师" in poster.text
    assert "扫码" in poster.text and "Scan" in poster.text  # both languages, whatever the reader's
    assert '<link rel="stylesheet" href="/static/css/poster.css">' in poster.text  # no inline style (CSP)
    sheet = visitor().get("/static/css/poster.css").text
    assert "@page" in sheet and "A4" in sheet


def test_only_approved_firms_have_a_poster(fair: Fair, visitor) -> None:
    visitor().register_employer("hr@c.example.cn", "长春丙卫星有限公司")
    pending = company_id(fair, "长春丙卫星有限公司")
    assert visitor().get(f"/booths/{pending}/poster").status_code == 404
    assert visitor().get("/booths/999999/poster").status_code == 404
