"""A running board behind Litestar's test client, and a visitor per role with its own cookies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from pypdf import PdfWriter
from sqlmodel import Session, col, select

from jobboard.accounts.links import AccountLinks
from jobboard.accounts.models import AccountLink, LinkPurpose
from jobboard.accounts.services import AccountService
from jobboard.app import create_app
from jobboard.core.db import open_session, unit_of_work
from jobboard.core.settings import Settings
from jobboard.plugin import BoardPlugin

BASE_URL = "http://testserver.local"
PASSWORD = "correct horse battery"


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class Visitor:
    """One person with a browser: keeps cookies and sends the CSRF token with every form, as a page would."""

    def __init__(self, app: Litestar, client: TestClient | None = None) -> None:
        self.app = app
        self.client = client or TestClient(app=app, base_url=BASE_URL)
        self.client.get("/login")  # the first page sets the CSRF cookie

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict[str, Any] | None = None, *, csrf: bool = True, **kwargs: Any) -> Any:
        form = dict(data or {})
        if csrf:
            form["_csrf_token"] = self.client.cookies.get("csrftoken")
        return self.client.post(url, data=form, **kwargs)

    def login(self, email: str, password: str = PASSWORD) -> Any:
        return self.post("/login", {"email": email, "password": password})

    def register_seeker(self, email: str, name: str = "李明", phone: str = "13800000000") -> Any:
        """Signs up and, for a new account, follows the verification link: signed in, as after the mail."""
        answer = self.post(
            "/register",
            {
                "email": email,
                "full_name": name,
                "phone": phone,
                "password": PASSWORD,
                "password_confirm": PASSWORD,
            },
        )
        return self.verify(email, answer)

    def verify(self, email: str, answer: Any) -> Any:
        """After a sign-up that answered "check your mail": a new account's owner opens the link mailed
        to it. The link is issued through the service that wrote the mail (the mail itself, sent to
        nobody here, keeps no copy of it: tests/accounts follow the real mail over SMTP)."""
        if answer.status_code != 200:
            return answer
        with open_session(BoardPlugin.state_of(self.app).engine) as session:
            user = AccountService(session).find_by_email(email)
            if user is None or user.is_verified:
                return answer  # an address that had an account: its owner got a different mail
            sent = session.exec(
                select(AccountLink).where(AccountLink.user_id == user.id).order_by(col(AccountLink.id).desc())
            ).first()
            with unit_of_work(session):
                link = AccountLinks(session).issue(
                    user, LinkPurpose.VERIFY_EMAIL, sent.next_path if sent else ""
                )
        return self.get(link)

    def register_employer(self, email: str, company: str, **profile: str) -> Any:
        answer = self.post(
            "/register/employer",
            {
                "email": email,
                "contact_name": "王芳",
                "password": PASSWORD,
                "password_confirm": PASSWORD,
                "name_zh": company,
                "name_en": profile.get("name_en", ""),
                "segment": profile.get("segment", "optics"),
                "city": "长春",
                "booth": profile.get("booth", ""),  # a booth is one firm's: each test gives its own
                "hall": "B2",
                "website": profile.get("website", ""),
                "credit_code": profile.get("credit_code", ""),
            },
        )
        return self.verify(email, answer)

    def post_job(self, title: str, intent: str = "submit", **fields: Any) -> Any:
        form = {
            "title": title,
            "title_en": "",
            "description": "负责光纤激光器的研发与测试。",
            "requirements": "光学相关专业",
            "city": "长春",
            "job_type": "full_time",
            "education": "bachelor",
            "experience": "any",
            "salary_min": "15000",
            "salary_max": "25000",
            "salary_months": "14",
            "headcount": "2",
            "intent": intent,
        }
        return self.post("/employer/jobs/new", form | fields)

    def apply(
        self,
        job_id: int,
        content: bytes | None = None,
        filename: str = "简历.pdf",
        consent: bool = True,
        cover_letter: str = "",
        **kwargs: Any,
    ) -> Any:
        form = {"cover_letter": cover_letter, "_csrf_token": self.client.cookies.get("csrftoken")}
        if consent:
            form["consent"] = "yes"
        files = {"resume": (filename, content if content is not None else pdf_bytes(), "application/pdf")}
        return self.client.post(f"/jobs/{job_id}/apply", data=form, files=files, **kwargs)


@pytest.fixture
def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture
def running_app(app: Litestar) -> Iterator[TestClient]:
    with TestClient(app=app, base_url=BASE_URL) as client:
        yield client


@pytest.fixture
def visitor(app: Litestar, running_app: TestClient) -> Callable[[], Visitor]:
    """A new person with a fresh browser each call, all against the same running board."""
    return lambda: Visitor(app)


@pytest.fixture
def staff(app: Litestar, running_app: TestClient, visitor: Callable[[], Visitor]) -> Visitor:
    with open_session(BoardPlugin.state_of(app).engine) as session:
        AccountService(session).create_staff("staff@fair.example.cn", PASSWORD)
    person = visitor()
    person.login("staff@fair.example.cn")
    return person


def db(app: Litestar) -> Session:
    return open_session(BoardPlugin.state_of(app).engine)


def upload(person: Visitor, filename: str, content: bytes, url: str = "/staff/imports", **params: Any) -> Any:
    """A multipart form with the CSRF token, as the staff import page's form sends it."""
    form = {"_csrf_token": person.client.cookies.get("csrftoken")}
    files = {"table": (filename, content, "application/octet-stream")}
    return person.client.post(url, data=form, files=files, params=params)


def sync_index(app: Litestar) -> None:
    """Applies the outbox now instead of waiting for the follower's next round."""
    BoardPlugin.state_of(app).follower.sync()


def flush_search_counts(app: Litestar) -> int:
    """Writes the searches counted in memory now instead of waiting for the flusher's next round."""
    return BoardPlugin.state_of(app).search_tally.flush(BoardPlugin.state_of(app).engine)


class Fair:
    """Two approved firms; firm A has a published job that a job seeker applied to."""

    def __init__(self, app: Litestar, staff: Visitor, visitor: Callable[[], Visitor]) -> None:
        self.app = app
        self.staff = staff
        approve = self._approved_employer
        self.employer_a = approve(visitor(), "hr@a.example.cn", "长春甲光电有限公司", "optics", "B2-016")
        self.employer_b = approve(visitor(), "hr@b.example.cn", "长春乙芯片有限公司", "chips", "B2-018")
        self.job_id = self.publish(self.employer_a, "激光器研发工程师")
        self.seeker = visitor()
        self.seeker.register_seeker("seeker@example.cn")
        assert self.seeker.apply(self.job_id).status_code == 200
        with open_session(BoardPlugin.state_of(app).engine) as session:
            from sqlmodel import select

            from jobboard.applications.models import Application

            self.application_id = session.exec(select(Application.id)).one()

    def _approved_employer(
        self, person: Visitor, email: str, company: str, segment: str, booth: str
    ) -> Visitor:
        assert person.register_employer(email, company, segment=segment, booth=booth).status_code == 200
        with open_session(BoardPlugin.state_of(self.app).engine) as session:
            from jobboard.companies.services import CompanyService

            company_id = CompanyService(session).find_by_name(company).id
        assert self.staff.post(f"/staff/companies/{company_id}/approve").status_code == 200
        return person

    def publish(self, employer: Visitor, title: str, **fields: Any) -> int:
        assert employer.post_job(title, **fields).status_code == 200
        with open_session(BoardPlugin.state_of(self.app).engine) as session:
            from sqlmodel import col, select

            from jobboard.jobs.models import Job

            job_id = session.exec(
                select(Job.id).where(Job.title == title).order_by(col(Job.id).desc())
            ).first()
        assert self.staff.post(f"/staff/jobs/{job_id}/approve").status_code == 200
        sync_index(self.app)
        return job_id


@pytest.fixture
def fair(app: Litestar, staff: Visitor, visitor: Callable[[], Visitor]) -> Fair:
    return Fair(app, staff, visitor)
