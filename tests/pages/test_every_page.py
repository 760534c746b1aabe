"""Every page of the board renders in Chinese and in English, with nothing left in the other language.

The pages are found from the app's own routes, so a new page is checked without being listed here
(a new kind of path parameter has to be given a value below). In a Chinese page, no English message
of the catalogue may appear, and no Latin word at all outside an element marked ``lang="en"`` (real
English content, such as an English company name) and a short list of proper nouns. In an English
page, no Chinese UI text of the catalogue may appear outside content and ``lang="zh-CN"`` elements.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from litestar.routes import HTTPRoute
from sqlmodel import select

from jobboard.accounts.models import User
from jobboard.companies.models import Company
from jobboard.core.db import open_session
from jobboard.jobs.models import Job
from jobboard.plugin import BoardPlugin
from tests.pages.conftest import Board
from tests.pages.page_text import catalogue, html_lang, literal_parts, page_text

# Proper nouns and format names that stay as they are in a Chinese page.
ALLOWED_LATIN = {
    "api",
    "csv",
    "pdf",
    "xlsx",
    "jsonl",
    "zip",
    "excel",
    "utf",
    "mb",
    "kb",
    "qr",
    "hr",
    "id",
    "url",
    "email",
    "laser",  # the search box's example: 激光 / laser
    "english",  # the language switch
}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3400-\u9fff]")
ADDRESSES = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+|/[\w/.-]+")

# Paths that are not pages for people, and pages that are bilingual on purpose.
# /account/verify is a link that signs in and redirects; its error page is among EXTRA_PAGES.
NOT_PAGES = ("/api/", "/static/", "/__test__/", "/account/verify")
BILINGUAL_BY_DESIGN = {
    "/booths/{company_id:int}/poster": "a printed booth poster shows both languages side by side",
}
SEARCHED = ["激光", "zzqqxxnothing"]
# Pages that only exist with a query, or a state, that routes do not show.
EXTRA_PAGES = [
    *((f"/jobs?q={text}", "anonymous", 200) for text in SEARCHED),
    ("/jobs?segment=optics&city=长春", "anonymous", 200),
    ("/staff/companies?status=approved", "staff", 200),
    ("/no/such/page", "anonymous", 404),
    ("/jobs/999999", "seeker", 404),
    ("/staff", "seeker", 403),
    ("/account/verify?token=forged", "anonymous", 404),
    ("/account/reset?token=forged", "anonymous", 404),
    ("/__test__/boom", "anonymous", 500),
]


def _parameter_values(board: Board) -> dict[str, int | str]:
    return {
        "job_id": board.job_id,
        "company_id": board.company_id,
        "application_id": board.application_id,
        "token": board.stop_token,
        "mail_id": board.mail_id,
    }


PATH_OVERRIDES = {"/jobs/{job_id:int}/apply": "open_job_id"}
# Pages that open only with a token in the query (an invitation's link).
TOKEN_QUERIES = {"/invitations/accept": "invitation_token"}


def page_paths(board: Board) -> list[str]:
    """Every GET path of the app with its parameters filled in."""
    values = _parameter_values(board)
    paths = []
    for route in board.app.routes:
        if not isinstance(route, HTTPRoute) or "GET" not in route.methods or route.path.startswith(NOT_PAGES):
            continue
        path = board.reset_path if route.path == "/account/reset" else route.path  # a page of a link
        for name in re.findall(r"\{(\w+):\w+\}", path):
            if name not in values:
                pytest.fail(f"{route.path}: give the page test a value for {{{name}}} (tests/pages)")
            value = getattr(board, PATH_OVERRIDES[path]) if path in PATH_OVERRIDES else values[name]
            path = re.sub(r"\{" + name + r":\w+\}", str(value), path)
        if route.path in TOKEN_QUERIES:
            path += f"?token={getattr(board, TOKEN_QUERIES[route.path])}"
        paths.append((route.path, path))
    return paths


@cache
def _messages() -> dict[str, str]:
    return catalogue()


def _content(board: Board) -> list[str]:
    """What people typed into the board (names, titles, descriptions): not the board's own words."""
    texts: set[str] = set()
    with open_session(BoardPlugin.state_of(board.app).engine) as session:
        for job in session.exec(select(Job)).all():
            texts.update([job.title, job.title_en, job.description, job.requirements, job.city, job.majors])
        for company in session.exec(select(Company)).all():
            texts.update([company.name_zh, company.name_en, company.city, company.description_zh])
        for user in session.exec(select(User)).all():
            texts.update([getattr(user, "full_name", "") or "", getattr(user, "contact_name", "") or ""])
        texts.update(["李明", "王芳"])
        texts.update(SEARCHED)
    return sorted((text for text in texts if text), key=len, reverse=True)


def untranslated_in_chinese(html: str, content: list[str]) -> list[str]:
    problems = []
    if html_lang(html) != "zh-CN":
        problems.append(f'<html lang="{html_lang(html)}">, expected zh-CN')
    chunks = [chunk for chunk in page_text(html).chunks if not chunk.lang.startswith(("en", "raw"))]
    english = {
        part
        for msgid, msgstr in _messages().items()
        if msgstr and msgstr != msgid
        for part in literal_parts(msgid)
        if len(LATIN_WORD.findall(part)) >= 1 and len(part) >= 4
    }
    for chunk in chunks:
        for part in english:
            if re.search(r"(?<![A-Za-z])" + re.escape(part) + r"(?![A-Za-z])", chunk.text):
                problems.append(f"catalogue message {part!r} untranslated in <{chunk.where}>: {chunk.text!r}")
        text = chunk.text
        for value in content:
            text = text.replace(value, " ")
        words = {
            word for word in LATIN_WORD.findall(ADDRESSES.sub(" ", text)) if word.lower() not in ALLOWED_LATIN
        }
        if words:
            problems.append(f"English {sorted(words)} in <{chunk.where}> without lang=en: {chunk.text!r}")
    return problems


def untranslated_in_english(html: str, content: list[str]) -> list[str]:
    problems = []
    if html_lang(html) != "en":
        problems.append(f'<html lang="{html_lang(html)}">, expected en')
    in_msgids = " ".join(_messages())
    chinese = {
        part
        for msgstr in _messages().values()
        for part in literal_parts(msgstr)
        if len(CJK.findall(part)) >= 2 and part not in in_msgids
    }
    for chunk in page_text(html).chunks:
        if chunk.lang.startswith(("zh", "raw")):
            continue
        text = chunk.text
        for value in content:
            text = text.replace(value, " ")
        for part in chinese:
            if part in text:
                problems.append(f"Chinese {part!r} in <{chunk.where}> of an English page: {chunk.text!r}")
    return problems


def _visit_all(board: Board, lang: str) -> dict[str, list[str]]:
    """{page: problems} for every page, as every role that may see it."""
    content = _content(board)
    found: dict[str, list[str]] = {}
    pages = [(template, path, None, None) for template, path in page_paths(board)]
    pages += [(path, path, role, status) for path, role, status in EXTRA_PAGES]
    for template, path, only_role, expected in pages:
        rendered = 0
        for role, person in board.roles().items():
            if only_role and role != only_role:
                continue
            separator = "&" if "?" in path else "?"
            response = person.get(f"{path}{separator}lang={lang}", follow_redirects=False)
            if expected is not None:
                assert response.status_code == expected, f"{path} as {role}: {response.status_code}"
            elif response.status_code != 200:
                continue
            if not response.headers.get("content-type", "").startswith("text/html"):
                rendered += 1  # a download (CSV, XLSX, PDF, ZIP, XML): not a page to read
                continue
            rendered += 1
            if template in BILINGUAL_BY_DESIGN:
                continue
            check = (untranslated_in_chinese if lang == "zh" else untranslated_in_english)(
                response.text, content
            )
            if check:
                found[f"{path} as {role}"] = check
        assert rendered, f"{path}: no role could open it; give the page test what it needs"
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_is_entirely_in_the_readers_language(board: Board, lang: str) -> None:
    problems = _visit_all(board, lang)
    pages_by_problem: dict[str, list[str]] = {}
    for page, lines in problems.items():
        for line in lines:
            pages_by_problem.setdefault(line, []).append(page)
    report = "\n".join(
        f"{line}\n    on {', '.join(pages[:4])}{' …' if len(pages) > 4 else ''}"
        for line, pages in sorted(pages_by_problem.items())
    )
    assert not problems, f"untranslated text on {len(problems)} page(s):\n{report}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_forms_with_errors_and_flash_messages_are_translated(board: Board, lang: str, visitor) -> None:
    content = _content(board)
    check = untranslated_in_chinese if lang == "zh" else untranslated_in_english
    person = visitor()
    person.get(f"/register?lang={lang}")  # the cookie carries the choice to the form posts below
    pages = {
        "register with errors": person.post("/register", {"email": "not-an-email", "password": "short"}),
        "login failed": person.post("/login", {"email": "nobody@example.cn", "password": "wrong password"}),
    }
    employer = board.employer
    employer.get(f"/employer?lang={lang}")
    pages["job form with errors"] = employer.post_job("", salary_min="30000", salary_max="20000")
    pages["job saved (flash)"] = employer.post_job("新岗位")
    seeker = board.seeker
    seeker.get(f"/me/applications?lang={lang}")
    pages["apply without a PDF"] = seeker.apply(board.open_job_id, content=b"not a pdf", filename="a.txt")
    for name, response in pages.items():
        assert response.status_code in (200, 400), f"{name}: {response.status_code}"
        assert check(response.text, content) == [], f"{name}: {check(response.text, content)}"
    assert "flash" in pages["job saved (flash)"].text
