"""``jobboard demo-data``: a living board for the first run, loaded only into a board without firms.

Everything goes through the board's own services: the job table through the import (firms created
approved, jobs published), accounts through the account service (argon2id), the firms waiting for
approval through employer registration, their jobs through the job service, and applications through
the application service (a real PDF resume on disk for every application row).

The import commits on its own, and so do the services after it: should a later step fail, the board
keeps what was loaded, and the loader (which only runs on a board without firms) will not run over it
again; start from an empty database instead.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfWriter
from pypdf.annotations import FreeText
from sqlmodel import Session, col, select

from jobboard.accounts.models import FirmRole, Role, User
from jobboard.accounts.services import AccountService, Credentials, SeekerSignup
from jobboard.applications.models import ApplicationAction
from jobboard.applications.resumes import ResumeStore
from jobboard.applications.services import ApplicationService, ResumeUpload
from jobboard.companies.models import Company, CompanyProfile, Segment
from jobboard.companies.services import CompanyService, EmployerSignup
from jobboard.core.clock import fair_today, utcnow
from jobboard.core.outbox import enqueue_for_indexing
from jobboard.core.settings import Settings
from jobboard.demo.catalog import (
    APPLICATION_PLAN,
    COVER_LETTERS,
    EMPLOYER_NAMES,
    FIRMS,
    PENDING_EMPLOYER_NAMES,
    PENDING_FIRMS,
    SEEKERS,
    Firm,
)
from jobboard.demo.generator import generate_job_table, generate_postings
from jobboard.demo.sign_ins import (
    EMPLOYER_COUNT,
    EMPLOYER_PASSWORD,
    SEEKER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    employer_email,
    pending_employer_email,
    seeker_email,
)
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job, JobPosting, JobStatus
from jobboard.jobs.services import JobService
from jobboard.notifications.services import MailChoices

SEED = 2026


def load_demo_data(session: Session, settings: Settings) -> str:
    """Loads the demo board and says what it did; does nothing when any company exists already."""
    if session.exec(select(Company.id).limit(1)).first() is not None:
        session.rollback()  # ends the read transaction (SQLite holds its write lock until then)
        return "demo data not loaded: the board already has companies (演示数据未加载：系统中已有单位)"

    summary = _Summary()
    _import_job_table(session, summary)
    companies = _complete_profiles(session)
    accounts = _Accounts(session)
    staff = accounts.staff(summary)
    employers = [
        accounts.employer(employer_email(n), name, companies[firm.key], summary)
        for n, (firm, name) in enumerate(zip(FIRMS[:EMPLOYER_COUNT], EMPLOYER_NAMES, strict=True), start=1)
    ]
    seekers = [accounts.seeker(n, summary) for n in range(1, len(SEEKERS) + 1)]
    session.commit()
    MailChoices(session).stop_all([user.id for user in (staff, *employers, *seekers) if user and user.id])

    rng = random.Random(SEED)
    pending = _register_pending_firms(session, summary)
    _post_jobs_for_review(session, rng, pending, employers[0], companies[FIRMS[0].key], summary)
    _apply(session, settings, seekers, employers, summary)
    return summary.render()


@dataclass
class _Summary:
    firms: int = 0
    jobs: int = 0
    pending_firms: int = 0
    jobs_for_review: int = 0
    drafts: int = 0
    applications: int = 0
    existing: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [
            f"demo data loaded: {self.firms} firms and {self.jobs} published jobs, "
            f"{self.pending_firms} firms and {self.jobs_for_review} jobs awaiting staff review, "
            f"{self.drafts} drafts, {self.applications} applications",
            "sign-ins: jobboard demo-accounts (make run prints them)",
        ]
        if self.existing:
            lines.append("already there, left unchanged: " + ", ".join(self.existing))
        return "\n".join(lines)


def _import_job_table(session: Session, summary: _Summary) -> None:
    rows = generate_job_table(SEED)
    report = ImportService(session).import_records(rows, source_name="demo", actor_id=None)
    if not report.imported:
        problems = "; ".join(f"line {p.line} {p.column}: {p.message('en')}" for p in report.problems[:5])
        raise RuntimeError(f"the demo job table did not import: {problems}")
    summary.firms = report.companies_created
    summary.jobs = report.created


def _complete_profiles(session: Session) -> dict[str, Company]:
    """The import knows a firm's name, segment and booth; the catalogue knows the rest."""
    service = CompanyService(session)
    companies: dict[str, Company] = {}
    for firm in FIRMS:
        company = service.find_by_name(firm.import_name)
        if company is None:
            raise RuntimeError(f"the import did not create {firm.import_name}")
        company.sqlmodel_update(_profile(firm).model_dump())
        company.updated_at = utcnow()
        companies[firm.key] = company
    session.flush()
    # A job's public face includes its firm's names: index every demo job again after this commit.
    job_ids = session.exec(select(Job.id).where(col(Job.company_id).in_([c.id for c in companies.values()])))
    enqueue_for_indexing(session, [job_id for job_id in job_ids if job_id is not None])
    return companies


def _profile(firm: Firm) -> CompanyProfile:
    return CompanyProfile(
        name_zh=firm.name_zh,
        name_en=firm.name_en,
        segment=Segment(firm.segment),
        city=firm.city,
        website=firm.website,
        description_zh=firm.about_zh,
        description_en=firm.about_en,
        hall=firm.hall,
        booth=firm.booth,
    )


class _Accounts:
    """Demo accounts; an address that is already registered is left alone."""

    def __init__(self, session: Session) -> None:
        self.service = AccountService(session)

    def staff(self, summary: _Summary) -> User | None:
        if self._exists(STAFF_EMAIL, summary):
            return None
        credentials = Credentials(email=STAFF_EMAIL, password=STAFF_PASSWORD)
        return self.service.new_user(credentials, Role.STAFF, full_name="光博会招聘会工作人员", verified=True)

    def employer(self, email: str, name: str, company: Company, summary: _Summary) -> User | None:
        if self._exists(email, summary):
            return None
        user = self.service.new_user(
            Credentials(email=email, password=EMPLOYER_PASSWORD), Role.EMPLOYER, full_name=name, verified=True
        )
        user.company_id, user.firm_role = company.id, FirmRole.OWNER  # each demo firm's first member
        return user

    def seeker(self, number: int, summary: _Summary) -> User | None:
        email = seeker_email(number)
        name = SEEKERS[number - 1][0]
        if self._exists(email, summary):
            return None
        signup = SeekerSignup(email=email, password=SEEKER_PASSWORD, full_name=name)
        return self.service.new_user(signup, Role.SEEKER, full_name=name, verified=True)

    def _exists(self, email: str, summary: _Summary) -> bool:
        if self.service.find_by_email(email) is None:
            return False
        summary.existing.append(email)
        return True


def _register_pending_firms(session: Session, summary: _Summary) -> list[User]:
    """Two firms register at the fair as employers do, and wait for staff to approve them."""
    service = CompanyService(session)
    employers: list[User] = []
    for n, (firm, name) in enumerate(zip(PENDING_FIRMS, PENDING_EMPLOYER_NAMES, strict=True), start=1):
        email = pending_employer_email(n)
        if AccountService(session).find_by_email(email) is not None or service.find_by_name(firm.name_zh):
            summary.existing.append(email)
            continue
        account = {"email": email, "password": EMPLOYER_PASSWORD, "contact_name": name}
        signup = EmployerSignup.model_validate(_profile(firm).model_dump() | account)
        registered = service.register_employer(signup, verified=True)  # demo addresses receive no mail
        if registered.user is not None:
            employers.append(registered.user)
        summary.pending_firms += 1
    return employers


def _post_jobs_for_review(
    session: Session,
    rng: random.Random,
    pending_employers: list[User],
    first_employer: User | None,
    first_company: Company,
    summary: _Summary,
) -> None:
    """Each waiting firm keeps one draft and submits one job; hr1's firm submits a new job as well."""
    jobs = JobService(session)
    deadline = fair_today() + timedelta(days=60)
    for employer in pending_employers:
        company = CompanyService(session).get(employer.company_id or 0)
        firm = next(firm for firm in PENDING_FIRMS if firm.name_zh == company.name_zh)
        for row, submit in zip(generate_postings(firm, 2, rng), (False, True), strict=True):
            job = jobs.create(company, _posting(row, deadline), employer, submit=submit)
            _count_job(job, summary)
    if first_employer is not None:
        row = generate_postings(FIRMS[0], 1, rng)[0]
        job = jobs.create(first_company, _posting(row, deadline), first_employer, submit=True)
        _count_job(job, summary)


def _posting(row: dict[str, object], deadline: date) -> JobPosting:
    fields = {name: value for name, value in row.items() if name in JobPosting.model_fields}
    return JobPosting.model_validate(fields | {"deadline": deadline, "salary_months": 13})


def _count_job(job: Job, summary: _Summary) -> None:
    if job.status == JobStatus.PENDING:
        summary.jobs_for_review += 1
    else:
        summary.drafts += 1


def _apply(
    session: Session,
    settings: Settings,
    seekers: list[User | None],
    employers: list[User | None],
    summary: _Summary,
) -> None:
    """Job seekers apply to the demo employers' jobs with PDF resumes; the employers get to work."""
    service = ApplicationService(session, ResumeStore(settings.upload_dir))
    jobs_by_employer = [
        [] if employer is None else _published_jobs(session, employer) for employer in employers
    ]
    for number, (seeker_no, employer_no, job_no, steps) in enumerate(APPLICATION_PLAN):
        seeker, employer = seekers[seeker_no - 1], employers[employer_no - 1]
        job_ids = jobs_by_employer[employer_no - 1]
        if seeker is None or employer is None or not job_ids:
            continue
        name, pinyin, _, studies = SEEKERS[seeker_no - 1]
        resume = ResumeUpload(f"{name}_简历.pdf", resume_pdf(pinyin, studies, seeker.email))
        job_id = job_ids[(job_no - 1) % len(job_ids)]
        letter = COVER_LETTERS[number % len(COVER_LETTERS)]
        application = service.apply(seeker, job_id, resume, letter, consent=True)
        for step in steps:
            if step == "withdraw":
                service.withdraw(seeker, application.id or 0)
            else:
                service.employer_transition(employer, application.id or 0, ApplicationAction(step))
        summary.applications += 1


def _published_jobs(session: Session, employer: User) -> list[int]:
    query = select(Job.id).where(Job.company_id == employer.company_id, Job.status == JobStatus.PUBLISHED)
    return [job_id for job_id in session.exec(query.order_by(col(Job.id))) if job_id is not None]


def resume_pdf(name: str, studies: str, email: str) -> bytes:
    """A one-page PDF resume (Latin text, so that the standard Helvetica font shows it everywhere)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    lines = (
        f"{name} - Resume (demo)",
        "",
        f"Education: {studies}",
        f"E-mail: {email}",
        "Skills: optics, Zemax, MATLAB, Python, C/C++",
        "",
        "A fictional resume created by the job board's demo data.",
    )
    box = (60, 560, 535, 780)
    writer.add_annotation(
        0,
        FreeText(text="\n".join(lines), rect=box, font_size="13pt", border_color=None, background_color=None),
    )
    writer.add_metadata({"/Title": f"{name} - Resume", "/Producer": "jobboard demo-data"})
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
