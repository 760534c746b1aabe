"""Posting, editing and moderating jobs; every status change goes through ``JOB_LIFECYCLE``."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.core.clock import fair_today, utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import Conflict, InvalidInput, NotFound
from jobboard.core.outbox import enqueue_for_indexing
from jobboard.core.roles import Role
from jobboard.jobs.models import JOB_LIFECYCLE, UNDO_CLOSE_WINDOW, Job, JobAction, JobPosting, JobStatus
from jobboard.jobs.revisions import RevisionService
from jobboard.jobs.visibility import public_job_condition
from jobboard.notifications.events import job_waiting

REASON_REQUIRED = frozenset({JobAction.REJECT})
# States in which the job's own text is edited and reviewed: changes waiting beside it would fight it.
UNDER_THE_EMPLOYERS_PEN = frozenset(JOB_LIFECYCLE.transitions[JobAction.REVISE])


class JobService:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Reading

    def get(self, job_id: int) -> Job:
        job = self.session.get(Job, job_id)
        if job is None:
            raise NotFound()
        return job

    def get_owned(self, job_id: int, employer: User) -> Job:
        """A job of the employer's own company; another firm's job looks exactly like a missing one."""
        job = self.session.get(Job, job_id)
        if job is None or employer.company_id is None or job.company_id != employer.company_id:
            raise NotFound()
        return job

    def get_public(self, job_id: int) -> tuple[Job, Company]:
        row = self.session.exec(
            select(Job, Company).join(Company).where(Job.id == job_id, public_job_condition())
        ).first()
        if row is None:
            raise NotFound()
        return row[0], row[1]

    def public_by_ids(self, job_ids: Sequence[int]) -> dict[int, tuple[Job, Company]]:
        """The public ones among ``job_ids``: the database, not the index, decides what is shown."""
        if not job_ids:
            return {}
        rows = self.session.exec(
            select(Job, Company).join(Company).where(col(Job.id).in_(job_ids), public_job_condition())
        ).all()
        return {job.id: (job, company) for job, company in rows if job.id is not None}

    def list_public(self, offset: int, limit: int) -> tuple[int, list[tuple[Job, Company]]]:
        base = select(Job, Company).join(Company).where(public_job_condition())
        total = self.session.exec(select(func.count()).select_from(base.subquery())).one()
        rows = self.session.exec(
            base.order_by(col(Job.published_at).desc(), col(Job.id).desc()).offset(offset).limit(limit)
        ).all()
        return total, [(job, company) for job, company in rows]

    def list_public_of_company(self, company_id: int) -> Sequence[Job]:
        return self.session.exec(
            select(Job)
            .join(Company)
            .where(Job.company_id == company_id, public_job_condition())
            .order_by(col(Job.published_at).desc())
        ).all()

    def list_for_company(self, company_id: int) -> Sequence[Job]:
        return self.session.exec(
            select(Job).where(Job.company_id == company_id).order_by(col(Job.created_at).desc())
        ).all()

    def moderation_queue(self) -> Sequence[tuple[Job, Company]]:
        rows = self.session.exec(
            select(Job, Company)
            .join(Company)
            .where(Job.status == JobStatus.PENDING)
            .order_by(col(Job.updated_at))
        ).all()
        return [(job, company) for job, company in rows]

    # Writing

    def create(self, company: Company, posting: JobPosting, actor: User, *, submit: bool) -> Job:
        with unit_of_work(self.session):
            self._check_deadline(posting)
            job = Job.model_validate(posting.model_dump() | {"company_id": company.id})
            job.updated_at = utcnow()
            self.session.add(job)
            self.session.flush()
            audit.record(
                self.session, actor_id=actor.id, action="job.created", subject_type="job", subject_id=job.id
            )
            if submit:
                self._apply(job, JobAction.SUBMIT, actor.role, actor.id)
        return job

    def revise(self, job: Job, posting: JobPosting, actor: User, *, submit: bool) -> Job:
        """A published job stays public: its edit goes through ``RevisionService.propose``."""
        with unit_of_work(self.session):
            self._check_deadline(posting)
            if job.status == JobStatus.PUBLISHED:
                RevisionService(self.session).propose(job, posting, actor)
                return job
            if not JOB_LIFECYCLE.allows(job.status, JobAction.REVISE):
                raise InvalidInput({"__all__": "job_not_editable"})
            job.sqlmodel_update(posting.model_dump())
            self._apply(job, JobAction.REVISE, actor.role, actor.id, edit=True)
            if submit and JOB_LIFECYCLE.allows(job.status, JobAction.SUBMIT):
                self._apply(job, JobAction.SUBMIT, actor.role, actor.id)
        return job

    def transition(self, job_id: int, action: JobAction, actor: User, reason: str = "") -> Job:
        """A button on a job: an employer reaches only their firm's jobs, staff any job."""
        job = self.get_owned(job_id, actor) if actor.is_employer else self.get(job_id)
        with unit_of_work(self.session):
            self._apply(job, action, actor.role, actor.id, reason)
        return job

    def expire_past_deadline(self) -> int:
        """Moves published jobs whose deadline has passed to ``expired`` (they are already hidden)."""
        with unit_of_work(self.session):
            jobs = self.session.exec(
                select(Job).where(Job.status == JobStatus.PUBLISHED, col(Job.deadline) < fair_today())
            ).all()
            for job in jobs:
                self._apply(job, JobAction.EXPIRE, None, None)
        return len(jobs)

    def apply_import(
        self, job: Job | None, company: Company, external_id: str, posting: JobPosting, actor_id: int | None
    ) -> Job:
        """Creates or updates an imported job and publishes it; the caller commits the whole table."""
        if job is None:
            job = Job.model_validate(
                posting.model_dump() | {"company_id": company.id, "external_id": external_id}
            )
            self.session.add(job)
            self.session.flush()
        else:
            job.sqlmodel_update(posting.model_dump() | {"company_id": company.id})
        self._apply(job, JobAction.IMPORT, Role.STAFF, actor_id, edit=True)
        return job

    def _check_deadline(self, posting: JobPosting) -> None:
        if posting.deadline is not None and posting.deadline < fair_today():
            raise InvalidInput({"deadline": "deadline_in_past"})

    def _apply(
        self,
        job: Job,
        action: JobAction,
        role: Role | None,
        actor_id: int | None,
        reason: str = "",
        *,
        edit: bool = False,
    ) -> None:
        """Every status change of a job: who may take it, from which state, with its audit and reindex."""
        status = JOB_LIFECYCLE.target(job.status, action, role, edit=edit)  # refused before asking why
        reason = reason.strip()
        if action in REASON_REQUIRED and not reason:
            raise InvalidInput({"reason": "reason_required"})
        now = utcnow()
        if action == JobAction.UNDO_CLOSE and not job.may_undo_close(now):
            raise Conflict("undo_close_too_late")
        previous, job.status = job.status, status
        job.status_reason = reason if job.status == JobStatus.REJECTED else ""
        job.updated_at = now
        # Undoing a close puts the job back where it was in the listings.
        if (
            status == JobStatus.PUBLISHED
            and previous != JobStatus.PUBLISHED
            and action != JobAction.UNDO_CLOSE
        ):
            job.published_at = now
        closed_while_public = previous == JobStatus.PUBLISHED and status == JobStatus.CLOSED
        job.undo_close_until = now + UNDO_CLOSE_WINDOW if closed_while_public else None
        if status in UNDER_THE_EMPLOYERS_PEN and role == Role.EMPLOYER:
            RevisionService(self.session).withdraw_pending(job, actor_id)
        audit.record(
            self.session,
            actor_id=actor_id,
            action=f"job.{action}",
            subject_type="job",
            subject_id=job.id,
            previous=str(previous),
            status=str(job.status),
            reason=reason,
        )
        if status == JobStatus.PENDING and previous != JobStatus.PENDING:
            job_waiting(self.session, job)
        enqueue_for_indexing(self.session, [job.id] if job.id is not None else [])
