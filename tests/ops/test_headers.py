"""Every route answers under the board's header policy (jobboard/web/security.py), for every role: the
Content-Security-Policy, nosniff, Referrer-, Permissions-Policy, no framing; ``no-store`` for a signed-in
person; and no page carries inline script, event-handler attributes or inline styles the policy would
have to allow."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from litestar import Litestar
from sqlmodel import select

from jobboard.companies.models import Company
from jobboard.mail.models import OutgoingMail
from tests.ops.conftest import Fair, Visitor
from tests.web.conftest import db

POLICY_PARTS = ("script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=|<style\b", re.IGNORECASE)
PROBES = ("/healthz", "/readyz")
STATIC_SAMPLES = {
    "/static/{file_path:path}": "css/app.css",
    "/static/swagger-ui/{file_path:path}": "swagger-ui.css",
}


def get_urls(app: Litestar, fair: Fair) -> Iterator[str]:
    """Every GET route of the board, its parameters filled with the fair's own records."""
    with db(app) as session:
        company_id = session.exec(select(Company.id).where(Company.name_zh == "长春甲光电有限公司")).one()
        mail_id = session.exec(select(OutgoingMail.id)).first() or 1
    values = {
        "job_id": fair.job_id,
        "application_id": fair.application_id,
        "company_id": company_id,
        "mail_id": mail_id,
        "path": "swagger",
    }
    for route in app.routes:
        if "GET" not in getattr(route, "methods", ()):
            continue
        if route.path in STATIC_SAMPLES:
            yield route.path.replace("{file_path:path}", STATIC_SAMPLES[route.path])
            continue
        url = route.path
        for name, parameter in route.path_parameters.items():
            url = url.replace("{" + parameter.full + "}", str(values.get(name, 1)))
        yield url


@pytest.fixture
def people(fair: Fair, visitor: Callable[[], Visitor]) -> dict[str, Visitor]:
    return {"anonymous": visitor(), "seeker": fair.seeker, "employer": fair.employer_a, "staff": fair.staff}


def test_every_route_answers_under_the_header_policy(
    app: Litestar, fair: Fair, people: dict[str, Visitor]
) -> None:
    urls = sorted(set(get_urls(app, fair)))
    assert len(urls) > 40 and "/api/docs" in urls and "/staff/mail" in urls
    wrong: list[str] = []
    for role, person in people.items():
        for url in urls:
            answer = person.get(url, follow_redirects=False)
            headers = answer.headers
            where = f"{role} {url} ({answer.status_code})"
            if answer.status_code >= 500:
                wrong.append(f"{where}: server error")
            policy = headers.get("content-security-policy", "")
            if policy == "sandbox" and headers.get("content-disposition", "").startswith("attachment"):
                pass  # a download: nothing in it runs at all
            elif not all(part in policy for part in POLICY_PARTS) or "unsafe-inline" in policy:
                wrong.append(f"{where}: policy {policy!r}")
            if headers.get("referrer-policy") not in ("strict-origin-when-cross-origin", "no-referrer"):
                wrong.append(f"{where}: referrer-policy {headers.get('referrer-policy')!r}")
            for name, value in (("x-content-type-options", "nosniff"), ("x-frame-options", "DENY")):
                if headers.get(name) != value:
                    wrong.append(f"{where}: {name} {headers.get(name)!r}")
            if "camera=()" not in headers.get("permissions-policy", ""):
                wrong.append(f"{where}: permissions-policy")
            personal = role != "anonymous" and not url.startswith("/static/") and url not in PROBES
            if personal and headers.get("cache-control") != "no-store":
                wrong.append(f"{where}: cache-control {headers.get('cache-control')!r}")
            if "text/html" in headers.get("content-type", ""):
                for name, pattern in (
                    ("inline script", INLINE_SCRIPT),
                    ("handler attribute", HANDLER_ATTRIBUTE),
                    ("inline style", STYLE_ATTRIBUTE),
                ):
                    if found := pattern.search(answer.text):
                        wrong.append(f"{where}: {name} {found.group(0)[:80]!r}")
    assert wrong == [], "\n".join(wrong)


def test_resume_downloads_run_nothing_and_are_not_kept(fair: Fair) -> None:
    for person, url in (
        (fair.employer_a, f"/employer/applications/{fair.application_id}/resume"),
        (fair.seeker, f"/me/applications/{fair.application_id}/resume"),
    ):
        answer = person.get(url)
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
        assert answer.headers["content-security-policy"] == "sandbox"
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_hsts_only_under_an_https_base_url(board_with: Callable) -> None:
    _, plain = board_with(base_url="http://jobs.example.cn")
    assert "strict-transport-security" not in plain.get("/jobs").headers
    _, secure = board_with(base_url="https://jobs.example.cn")
    assert secure.get("/jobs").headers["strict-transport-security"].startswith("max-age=31536000")
    assert secure.get("/no-such-page").headers["strict-transport-security"]  # unrouted answers too


def test_public_pages_for_anonymous_visitors_stay_cacheable(people: dict[str, Visitor], fair: Fair) -> None:
    """no-store is for signed-in people only: the feed keeps its public cache lifetime for everyone else."""
    assert people["anonymous"].get("/feed.atom").headers["cache-control"] == "public, max-age=300"
    assert people["seeker"].get("/feed.atom").headers["cache-control"] == "no-store"
