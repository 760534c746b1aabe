"""Applying, withdrawing, and each firm's pipeline over its own applicants only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.applications.models import (
    APPLICATION_PIPELINE,
    DECLINE_UNDO_WINDOW,
    SEEN_BY_FIRM,
    Application,
    ApplicationAction,
    ApplicationStatus,
)
from jobboard.applications.notes import StepNote
from jobboard.applications.resumes import ResumeStore, check_resume
from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.companies.services import hiring_company_id
from jobboard.core.clock import utcnow
from jobboard.core.db import saved_id, unit_of_work
from jobboard.core.errors import Conflict, InvalidInput, NotFound
from jobboard.core.files import clean_filename
from jobboard.jobs.models import Job
from jobboard.jobs.services import JobService
from jobboard.notifications.events import applicant_arrived, application_stepped


@dataclass(frozen=True)
class ResumeUpload:
    filename: str
    content: bytes


def consent_recipient(company: Company) -> str:
    """The firm named in the consent, as the person saw it."""
    return f"{company.name_zh} ({company.name_en})" if company.name_en else company.name_zh


class ApplicationService:
    def __init__(
        self, session: Session, resumes: ResumeStore, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.session = session
        self.resumes = resumes
        self.clock = clock  # the undo window is checked against it; tests move it instead of sleeping

    # Job seekers

    def apply(
        self, seeker: User, job_id: int, resume: ResumeUpload | None, cover_letter: str, consent: bool
    ) -> Application:
        job, company = self._open_job(job_id)
        if self._find(seeker.id, job_id) is not None:
            raise Conflict("already_applied")
        problems = {}
        if not consent:
            problems["consent"] = "consent_required"
        if len(cover_letter) > 5000:
            problems["cover_letter"] = "string_too_long"
        if resume is None:
            problems["resume"] = "resume_missing"
        else:
            try:
                check_resume(resume.content)
            except InvalidInput as error:
                problems |= error.errors
        if problems or resume is None:
            raise InvalidInput(problems)
        return self._store(seeker, job, company, resume, cover_letter)

    def withdraw(self, seeker: User, application_id: int) -> Application:
        """The firm no longer sees it; what was provided goes (the resume file, the cover letter, the
        phone), and the record that an application happened, with its dates, stays for the law's three
        years (docs/privacy.md)."""
        application, _, _ = self.get_for_seeker(seeker, application_id)
        with unit_of_work(self.session):
            self._transition(application, ApplicationAction.WITHDRAW, seeker)
            application.cover_letter = ""
            application.applicant_phone = ""  # the name and e-mail say whose record it is; that is enough
            application.resume_filename = ""
            application.resume_size = 0
        # After the commit: a file a crash leaves here is not among ``kept_resume_keys``; the sweep takes it.
        self.resumes.delete(application.resume_key)
        return application

    def get_for_seeker(self, seeker: User, application_id: int) -> tuple[Application, Job, Company]:
        row = self.session.exec(
            select(Application, Job, Company)
            .join(Job, col(Application.job_id) == Job.id)
            .join(Company)
            .where(Application.id == application_id, Application.seeker_id == seeker.id)
        ).first()
        if row is None:
            raise NotFound()
        return row[0], row[1], row[2]

    def list_for_seeker(self, seeker: User) -> Sequence[tuple[Application, Job, Company]]:
        rows = self.session.exec(
            select(Application, Job, Company)
            .join(Job, col(Application.job_id) == Job.id)
            .join(Company)
            .where(Application.seeker_id == seeker.id)
            .order_by(col(Application.created_at).desc())
        ).all()
        return [(application, job, company) for application, job, company in rows]

    def own_resume(self, seeker: User, application_id: int) -> tuple[Path, str]:
        application = self.session.get(Application, application_id)
        if application is None or application.seeker_id != seeker.id or not application.has_resume:
            raise NotFound()
        return self.resumes.path(application.resume_key), application.resume_filename

    # Employers: every read goes through the employer's own company

    def list_for_job(self, employer: User, job_id: int) -> tuple[Job, Sequence[Application]]:
        hiring_company_id(self.session, employer)
        job = JobService(self.session).get_owned(job_id, employer)
        applications = self.session.exec(
            select(Application)
            .where(Application.job_id == job.id, SEEN_BY_FIRM)
            .order_by(col(Application.created_at).desc())
        ).all()
        return job, applications

    def get_for_employer(self, employer: User, application_id: int) -> tuple[Application, Job]:
        """One of the firm's applicants; anything else (another firm's, a withdrawn one, any while the firm
        is not approved) looks exactly like a missing one."""
        company_id = hiring_company_id(self.session, employer)
        row = self.session.exec(
            select(Application, Job)
            .join(Job, col(Application.job_id) == Job.id)
            .where(Application.id == application_id, Job.company_id == company_id, SEEN_BY_FIRM)
        ).first()
        if row is None:
            raise NotFound()
        return row[0], row[1]

    def open_for_employer(self, employer: User, application_id: int) -> tuple[Application, Job]:
        """Opening an application marks it viewed, so the job seeker knows it was read."""
        application, job = self.get_for_employer(employer, application_id)
        if APPLICATION_PIPELINE.allows(application.status, ApplicationAction.VIEW):
            self._transition(application, ApplicationAction.VIEW, employer)
        return application, job

    def employer_transition(
        self, employer: User, application_id: int, action: ApplicationAction, note: StepNote | None = None
    ) -> Application:
        application, _ = self.get_for_employer(employer, application_id)
        return self._transition(application, action, employer, note)

    def actions_for(self, application: Application, actor: User) -> list[ApplicationAction]:
        """The steps a page offers: the machine's, less an undo whose window has passed."""
        return [
            action
            for action in APPLICATION_PIPELINE.actions_for(application.status, actor.role)
            if action is not ApplicationAction.UNDO_DECLINE or self.decline_undo_until(application)
        ]

    def decline_undo_until(self, application: Application) -> datetime | None:
        """Until when the current decline may be undone; None when it may not (or nothing is declined)."""
        if application.status != ApplicationStatus.REJECTED or application.declined_at is None:
            return None
        until = application.declined_at + DECLINE_UNDO_WINDOW
        return until if self.clock() < until else None

    def resume_for_employer(self, employer: User, application_id: int) -> tuple[Path, str]:
        application, _ = self.get_for_employer(employer, application_id)
        with unit_of_work(self.session):
            audit.record(
                self.session,
                actor_id=employer.id,
                action="resume.downloaded",
                subject_type="application",
                subject_id=application.id,
            )
        return self.resumes.path(application.resume_key), application.resume_filename

    # Internals

    def _open_job(self, job_id: int) -> tuple[Job, Company]:
        try:
            return JobService(self.session).get_public(job_id)
        except NotFound:
            raise Conflict("job_not_open") from None

    def _find(self, seeker_id: int | None, job_id: int) -> Application | None:
        return self.session.exec(
            select(Application).where(Application.seeker_id == seeker_id, Application.job_id == job_id)
        ).first()

    def _store(
        self, seeker: User, job: Job, company: Company, resume: ResumeUpload, cover_letter: str
    ) -> Application:
        """File first, then the row; if the row cannot be committed the file goes (a crash leaves an orphan
        file that ``sweep_orphans`` removes, never a row without its file)."""
        key = self.resumes.save(resume.content)
        try:
            with unit_of_work(self.session):
                application = Application(
                    job_id=saved_id(job.id),
                    seeker_id=saved_id(seeker.id),
                    applicant_name=seeker.full_name,
                    applicant_email=seeker.email,
                    applicant_phone=seeker.phone,
                    cover_letter=cover_letter,
                    resume_key=key,
                    resume_filename=clean_filename(resume.filename, fallback="resume.pdf", suffix=".pdf"),
                    resume_size=len(resume.content),
                    consent_recipient=consent_recipient(company),
                )
                self.session.add(application)
                self.session.flush()
                audit.record(
                    self.session,
                    actor_id=seeker.id,
                    action="application.submitted",
                    subject_type="application",
                    subject_id=application.id,
                    job_id=job.id,
                )
                applicant_arrived(self.session, application)
        except IntegrityError:
            self.resumes.delete(key)
            raise Conflict("already_applied") from None
        except BaseException:
            self.resumes.delete(key)
            raise
        return application

    def _transition(
        self, application: Application, action: ApplicationAction, actor: User, note: StepNote | None = None
    ) -> Application:
        """Every step of an application: who may take it, from which state, with its audit; the candidate
        hears of each step the firm takes."""
        with unit_of_work(self.session):
            previous = application.status
            target = APPLICATION_PIPELINE.target(application.status, action, actor.role)
            now = self.clock()
            if action is ApplicationAction.UNDO_DECLINE:
                if self.decline_undo_until(application) is None or application.declined_from is None:
                    raise Conflict("decline_undo_expired")
                target = application.declined_from
            application.declined_at, application.declined_from = (
                (now, previous) if action is ApplicationAction.REJECT else (None, None)
            )
            application.status = target
            application.updated_at = now
            audit.record(
                self.session,
                actor_id=actor.id,
                action=f"application.{action}",
                subject_type="application",
                subject_id=application.id,
                previous=str(previous),
                status=str(application.status),
            )
            if action is not ApplicationAction.WITHDRAW:
                application_stepped(self.session, application, note or StepNote())
        return application


def kept_resume_keys(session: Session) -> set[str]:
    """Keys of resumes that must be kept on disk: those of applications not withdrawn."""
    return set(session.exec(select(Application.resume_key).where(SEEN_BY_FIRM)).all())


def application_status(session: Session, seeker: User, job_id: int) -> ApplicationStatus | None:
    """Where the person's application for the job stands; None if they have not applied."""
    status = session.exec(
        select(Application.status).where(Application.seeker_id == seeker.id, Application.job_id == job_id)
    ).first()
    return None if status is None else ApplicationStatus(status)


def count_applications_by_job(session: Session, job_ids: Sequence[int]) -> dict[int, int]:
    if not job_ids:
        return {}
    rows = session.exec(
        select(Application.job_id, func.count())
        .where(col(Application.job_id).in_(job_ids), SEEN_BY_FIRM)
        .group_by(col(Application.job_id))
    ).all()
    return dict(rows)
