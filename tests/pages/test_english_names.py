"""English pages name cities, majors and firms in English; Chinese pages and the API keep what was typed."""

from __future__ import annotations

import re

from sqlmodel import select

from jobboard.companies.models import Company
from jobboard.core.db import open_session
from jobboard.plugin import BoardPlugin
from tests.pages.conftest import Board
from tests.pages.page_text import page_text

FIRM_A = "长春甲光电有限公司"
FIRM_B = "长春乙芯片有限公司"  # its job waits for review


def _dd(html: str, term: str) -> str:
    """The text of the definition that follows ``<dt>term</dt>``."""
    found = re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert found, f"no {term} on the page"
    return found.group(1).strip()


def _name_in_english(board: Board, name_zh: str, name_en: str) -> None:
    with open_session(BoardPlugin.state_of(board.app).engine) as session:
        company = session.exec(select(Company).where(Company.name_zh == name_zh)).one()
        company.name_en = name_en
        session.add(company)
        session.commit()


def test_an_english_job_page_shows_the_city_and_majors_in_english(board: Board) -> None:
    job_id = board.publish("光谱仪工程师", city="长春市", majors="光学工程、物理学、天体化学")
    english = board.anonymous.get(f"/jobs/{job_id}?lang=en").text
    assert _dd(english, "City") == "Changchun"
    assert _dd(english, "Majors") == "Optical Engineering, Physics, 天体化学"  # an unknown one as written
    chinese = board.anonymous.get(f"/jobs/{job_id}?lang=zh").text
    assert _dd(chinese, "城市") == "长春市"
    assert _dd(chinese, "专业要求") == "光学工程、物理学、天体化学"
    stored = board.anonymous.get(f"/api/jobs/{job_id}").json()
    assert stored["city"] == "长春市" and stored["majors"] == "光学工程、物理学、天体化学"


def test_english_search_results_and_city_facet_show_cities_in_english(board: Board) -> None:
    text = " ".join(chunk.text for chunk in page_text(board.anonymous.get("/jobs?lang=en").text).chunks)
    assert "Changchun" in text
    assert "长春" not in text.replace(FIRM_A, "")  # the firms' names are Chinese: they have no English one


def test_staff_lists_name_firms_in_english_on_english_pages(board: Board) -> None:
    _name_in_english(board, FIRM_A, "Jia Photonics")
    _name_in_english(board, FIRM_B, "Yi Chips")
    export_form = board.staff.get("/exports?lang=en").text
    assert re.search(r"<option value=\"\d+\"\s*>Jia Photonics</option>", export_form)
    assert re.search(rf"<option value=\"\d+\"\s*>{FIRM_A}</option>", board.staff.get("/exports?lang=zh").text)
    review = board.staff.get("/staff/jobs?lang=en").text
    assert "Yi Chips" in review and FIRM_B not in review


def test_the_english_feed_names_the_city_in_english(board: Board) -> None:
    assert "· Changchun" in board.anonymous.get("/feed.atom?lang=en").text
    assert "· 长春" in board.anonymous.get("/feed.atom?lang=zh").text
