"""The one rule for what the public sees, shared by pages, the API and search."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import col

from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.clock import fair_today
from jobboard.jobs.models import Job, JobStatus


def public_job_condition() -> ColumnElement[bool]:
    """Published, its company approved, its deadline not passed. Join ``Company`` to use it."""
    return and_(
        col(Job.status) == JobStatus.PUBLISHED,
        col(Company.status) == CompanyStatus.APPROVED,
        or_(col(Job.deadline).is_(None), col(Job.deadline) >= fair_today()),
    )


def is_public(job: Job, company: Company) -> bool:
    return (
        job.status == JobStatus.PUBLISHED
        and company.status == CompanyStatus.APPROVED
        and (job.deadline is None or job.deadline >= fair_today())
    )
