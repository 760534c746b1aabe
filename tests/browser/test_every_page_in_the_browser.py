"""Every page of the board, as every role that may see it, on a phone and a desktop, in both languages:
no sideways scrolling, 44 px touch targets, a label on every field, AA contrast, landmarks, and a
visible focus as the keyboard moves through the page.

The pages are the app's own GET routes (filled with ids from the demo data), plus a few that need a
query or an error; downloads are left out. Problems of all pages are reported together.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.browser.conftest import (
    EMPLOYER_PASSWORD,
    SCREENSHOTS,
    SEEKER_PASSWORD,
    STAFF,
    BoardServer,
    Look,
    Seeder,
    log_in,
    new_context,
    skip_without_browser,
)

skip_without_browser()

AUDIT = (Path(__file__).with_name("audit.js")).read_text(encoding="utf-8")
ROLES = {
    "anonymous": None,
    "seeker": ("seeker1@demo.example.cn", SEEKER_PASSWORD),
    "employer": ("hr1@demo.example.cn", EMPLOYER_PASSWORD),
    "staff": STAFF,
}
NOT_PAGES = ("/api/", "/static/")
EXTRA_PAGES = ["/jobs?q=激光&segment=optics", "/jobs?q=laser%20engineer", "/no/such/page"]
TAB_STOPS = 8  # how far the keyboard walks into each page


def _ids(seeder: Seeder) -> dict[str, int | str]:
    """A job, company and application of the demo employer hr1, a job seeker1 has not applied to, and a
    mail stop link of seeker1's."""
    from sqlmodel import col, select

    from jobboard.accounts.models import User
    from jobboard.applications.models import Application
    from jobboard.core.db import unit_of_work
    from jobboard.core.tokens import new_token
    from jobboard.jobs.models import Job, JobStatus
    from jobboard.mail.models import OutgoingMail
    from jobboard.mail.services import queue_mail
    from jobboard.notifications.models import MailKind, MailStopToken

    with seeder._session() as session:
        employer = session.exec(select(User).where(User.email == "hr1@demo.example.cn")).one()
        seeker = session.exec(select(User).where(User.email == "seeker1@demo.example.cn")).one()
        application = session.exec(
            select(Application)
            .join(Job)
            .where(Job.company_id == employer.company_id)
            .order_by(col(Application.id))
        ).first()
        applied = set(
            session.exec(select(Application.job_id).where(Application.seeker_id == seeker.id)).all()
        )
        open_job = next(
            job_id
            for job_id in session.exec(
                select(Job.id).where(Job.status == JobStatus.PUBLISHED).order_by(col(Job.id))
            ).all()
            if job_id not in applied
        )
        mail_id = session.exec(select(OutgoingMail.id)).first()
        if mail_id is None:  # a mail to read on the staff outbox page
            with unit_of_work(session):
                mail = queue_mail(
                    session, to=seeker.email, template="example", kind="example", language="zh",
                    context={"name": seeker.full_name},
                )  # fmt: skip
            mail_id = mail.id
        token, digest = new_token()
        session.add(MailStopToken(digest=digest, user_id=seeker.id, kind=MailKind.APPLICATION_UPDATE))
        session.commit()
        return {
            "mail_id": mail_id,
            "job_id": application.job_id,
            "company_id": employer.company_id,
            "application_id": application.id,
            "open_job_id": open_job,
            "token": token,
        }


def page_paths(seeder: Seeder) -> list[str]:
    from jobboard.app import create_app

    ids = _ids(seeder)
    paths = []
    for route in create_app(seeder.settings).routes:
        if "GET" not in getattr(route, "methods", ()) or route.path.startswith(NOT_PAGES):
            continue
        path = route.path
        for name in re.findall(r"\{(\w+):\w+\}", path):
            assert name in ids, f"{route.path}: give the browser page test a value for {{{name}}}"
            value = ids["open_job_id"] if path == "/jobs/{job_id:int}/apply" else ids[name]
            path = re.sub(r"\{" + name + r":\w+\}", str(value), path)
        paths.append(path)
    return [*paths, *EXTRA_PAGES]


def _focus_problems(page: Any) -> list[str]:
    """Tabs through the start of the page: every stop must show where the keyboard is."""
    problems = []
    page.locator("body").focus()
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => { const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
                const text = (el.innerText || el.value || "").trim().slice(0, 30);
                return {ring: ring || style.boxShadow !== "none", what: el.tagName + " " + text}; }"""
        )
        if stop is None:
            break
        if not stop["ring"]:
            problems.append(f"no visible focus on {stop['what']}")
    return problems


def _note_refusal(message: Any, refused: list[str]) -> None:
    if "Content Security Policy" in message.text:
        refused.append(f"blocked by the Content-Security-Policy: {message.text[:160]}")


def test_every_page(browser: Any, board_server: BoardServer, seeder: Seeder, look: Look) -> None:
    paths = page_paths(seeder)
    problems: dict[str, list[str]] = {}
    seen = 0
    for role, credentials in ROLES.items():
        context = new_context(browser, board_server, look)
        try:
            page = context.new_page()
            refused: list[str] = []  # what the Content-Security-Policy blocked on the page being checked
            page.on("console", lambda message, refused=refused: _note_refusal(message, refused))
            if credentials:
                log_in(page, look, *credentials)
            folder = SCREENSHOTS / "test_every_page" / look.id / role
            folder.mkdir(parents=True, exist_ok=True)
            for path in paths:
                probe = context.request.get(path, max_redirects=0)
                content_type = probe.headers.get("content-type", "")
                if path in EXTRA_PAGES and role != "anonymous":
                    continue
                if not content_type.startswith("text/html") or (
                    probe.status != 200 and path not in EXTRA_PAGES
                ):
                    continue  # not this role's page, or a download
                refused.clear()
                page.goto(path)
                seen += 1
                found = page.evaluate(AUDIT) + _focus_problems(page) + refused
                if look.phone:
                    name = re.sub(r"\W+", "-", path).strip("-") or "home"
                    page.screenshot(path=folder / f"{name}.png")
                if found:
                    problems[f"{path} ({role})"] = found
        finally:
            context.close()
    assert seen > 30, f"only {seen} pages were checked"
    report = "\n".join(f"{page}:\n  " + "\n  ".join(lines[:6]) for page, lines in problems.items())
    assert not problems, f"{len(problems)} page(s) fail on {look.id}:\n{report}"


def test_the_api_page_runs_under_the_policy(browser: Any, board_server: BoardServer) -> None:
    """Swagger UI starts from a file, not an inline script, and reads the board's OpenAPI 3.1 document."""
    context = new_context(browser, board_server, Look("en", "desktop"))
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: _note_refusal(message, refused))
        page.goto("/api/docs")
        page.locator(".opblock-summary-path[data-path='/api/jobs']").wait_for(timeout=15_000)
        assert page.locator(".opblock").count() >= 2
        assert refused == []
    finally:
        context.close()


def test_the_audit_notices_problems(browser: Any, board_server: BoardServer) -> None:
    """The checks above are not blind: a page built to fail them fails every one."""
    context = new_context(browser, board_server, Look("zh", "phone"))
    try:
        page = context.new_page()
        page.set_content(
            """<html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><div style="width: 600px">wide</div>
            <p style="color: #aaa; background: #fff">faint text</p>
            <button style="height: 20px; padding: 0">tiny</button>
            <input name="nameless"></body></html>"""
        )
        found = "\n".join(page.evaluate(AUDIT))
        for expected in ("scrolls sideways", "contrast 2.32:1", "touch target", "field without a label",
                         "no banner", "exactly one <main>", "<html> has no lang"):  # fmt: skip
            assert expected in found, f"{expected!r} not noticed in:\n{found}"
    finally:
        context.close()
