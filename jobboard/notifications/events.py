"""What the other domains tell: each is called inside the unit of work of the change it tells of, so the
inbox rows and mails exist exactly when that change is committed."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from jobboard.accounts.models import User
from jobboard.applications.models import Application
from jobboard.applications.notes import StepNote
from jobboard.companies.models import Company
from jobboard.core.db import saved_id
from jobboard.core.i18n import locale_scope
from jobboard.core.text import local_datetime
from jobboard.jobs.models import Job
from jobboard.notifications.models import MailKind, NotificationKind
from jobboard.notifications.services import firm_member_ids, mail_if_wanted, notify, staff_ids
from jobboard.notifications.text import worded

MY_APPLICATIONS = "/me/applications"


def _names(job: Job | None, company: Company) -> dict[str, str]:
    names = {"company": company.name_zh, "company_en": company.name_en}
    if job is not None:
        names |= {"job": job.title, "job_en": job.title_en}
    return names


def _job_and_company(session: Session, job_id: int) -> tuple[Job, Company]:
    job = session.get_one(Job, job_id)
    return job, session.get_one(Company, job.company_id)


def application_stepped(session: Session, application: Application, note: StepNote) -> None:
    """The candidate hears of the firm's step at once: in the inbox, and by mail unless they stopped it."""
    job, company = _job_and_company(session, application.job_id)
    params: dict[str, Any] = _names(job, company) | {"status": str(application.status)}
    if note.message:
        params["message"] = note.message
    if note.interview_at is not None:
        params["interview_at"] = note.interview_at.isoformat()
    if note.place:
        params["place"] = note.place
    notify(session, [application.seeker_id], NotificationKind.APPLICATION_STEP, params, MY_APPLICATIONS)
    seeker = session.get_one(User, application.seeker_id)
    with locale_scope(seeker.language):  # the mail is worded now, in the candidate's language
        context = {
            "name": seeker.full_name,
            "sentence": worded(NotificationKind.APPLICATION_STEP, params),
            "message": note.message,
            "interview_at": local_datetime(note.interview_at),
            "place": note.place,
            "link": MY_APPLICATIONS,
        }
    mail_if_wanted(
        session, seeker, template="application_step", kind=MailKind.APPLICATION_UPDATE, context=context
    )


def applicant_arrived(session: Session, application: Application) -> None:
    """Each member of the hiring firm; by mail in their next digest. No applicant's name is copied here:
    a withdrawn application leaves the firm, and its link then leads nowhere."""
    job, company = _job_and_company(session, application.job_id)
    link = f"/employer/applications/{saved_id(application.id)}"
    notify(
        session,
        firm_member_ids(session, saved_id(company.id)),
        NotificationKind.NEW_APPLICANT,
        _names(job, company),
        link,
    )


def firm_waiting(session: Session, company: Company) -> None:
    notify(
        session, staff_ids(session), NotificationKind.FIRM_WAITING, _names(None, company), "/staff/companies"
    )


def job_waiting(session: Session, job: Job) -> None:
    company = session.get_one(Company, job.company_id)
    notify(session, staff_ids(session), NotificationKind.JOB_WAITING, _names(job, company), "/staff/jobs")


def revision_waiting(session: Session, job: Job) -> None:
    company = session.get_one(Company, job.company_id)
    notify(
        session, staff_ids(session), NotificationKind.REVISION_WAITING, _names(job, company), "/staff/jobs"
    )
