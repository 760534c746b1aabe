"""Changes to a published job: kept beside it while they wait for review, so the job stays public.

The fields that need no review (openings, deadline, contact) go onto the live posting at once; the rest
become a ``JobRevision`` that staff approve (copied onto the job and re-indexed in the same transaction)
or reject (the job stays as it was, the employer reads why). Every status change of a revision goes
through ``REVISION_REVIEW`` in ``RevisionService._apply``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.audit import services as audit
from jobboard.companies.models import Company
from jobboard.core.clock import utcnow
from jobboard.core.db import saved_id, unit_of_work
from jobboard.core.errors import Conflict, InvalidInput, NotFound
from jobboard.core.outbox import enqueue_for_indexing
from jobboard.core.roles import Role
from jobboard.jobs.models import (
    REVIEWED_FIELDS,
    REVISION_REVIEW,
    Job,
    JobContent,
    JobPosting,
    JobRevision,
    JobStatus,
    RevisionAction,
    RevisionStatus,
)
from jobboard.notifications.events import revision_waiting

# What the employer is shown beside a job: the changes waiting, or the last ones refused and why.
_SHOWN_TO_EMPLOYER = (RevisionStatus.PENDING, RevisionStatus.REJECTED)


class RevisionService:
    def __init__(self, session: Session) -> None:
        self.session = session

    # Reading

    def pending_of(self, job_id: int) -> JobRevision | None:
        return self.session.exec(
            select(JobRevision).where(
                JobRevision.job_id == job_id, JobRevision.status == RevisionStatus.PENDING
            )
        ).first()

    def latest_by_job(self, job_ids: Sequence[int]) -> dict[int, JobRevision]:
        """Per job, its newest revision if it is waiting or was refused (a later one replaces it)."""
        if not job_ids:
            return {}
        revisions = self.session.exec(
            select(JobRevision).where(col(JobRevision.job_id).in_(job_ids)).order_by(col(JobRevision.id))
        ).all()
        newest = {revision.job_id: revision for revision in revisions}
        return {job_id: rev for job_id, rev in newest.items() if rev.status in _SHOWN_TO_EMPLOYER}

    def review_queue(self) -> Sequence[tuple[JobRevision, Job, Company]]:
        """Waiting changes of jobs that are public now (a closed job's changes wait for it to return)."""
        rows = self.session.exec(
            select(JobRevision, Job, Company)
            .join(Job, col(Job.id) == JobRevision.job_id)
            .join(Company, col(Company.id) == Job.company_id)
            .where(JobRevision.status == RevisionStatus.PENDING, Job.status == JobStatus.PUBLISHED)
            .order_by(col(JobRevision.updated_at))
        ).all()
        return [(revision, job, company) for revision, job, company in rows]

    @staticmethod
    def as_revised(job: Job, revision: JobRevision | None) -> Job:
        """The job as it will read once ``revision`` is approved: a copy, never added to the session."""
        if revision is None:
            return job
        return Job.model_validate(job.model_dump() | revision.model_dump(include=set(REVIEWED_FIELDS)))

    # Writing (inside the caller's unit of work: JobService.revise, or review below)

    def propose(self, job: Job, posting: JobPosting, actor: User) -> JobRevision | None:
        """An edit of a published job: what needs no review goes live now, the rest waits as a revision
        (amending one already waiting; withdrawing it when the edit goes back to the live text)."""
        now = utcnow()
        live_now = posting.model_dump(exclude=set(REVIEWED_FIELDS))
        if any(getattr(job, name) != value for name, value in live_now.items()):
            job.sqlmodel_update(live_now)
            job.updated_at = now
            audit.record(
                self.session,
                actor_id=actor.id,
                action="job.updated_live",
                subject_type="job",
                subject_id=job.id,
            )
            enqueue_for_indexing(self.session, [saved_id(job.id)])
        content = JobContent.model_validate(posting.model_dump(include=set(REVIEWED_FIELDS)))
        changed = [name for name in REVIEWED_FIELDS if getattr(content, name) != getattr(job, name)]
        revision = self.pending_of(saved_id(job.id))
        if revision is None and not changed:
            return None
        if revision is None:
            revision = JobRevision.model_validate(content.model_dump() | {"job_id": job.id})
            revision.updated_at = now
            self.session.add(revision)
            self.session.flush()
            self._record(revision, "revision_proposed", actor.id, changed=changed)
            revision_waiting(self.session, job)
            return revision
        action = RevisionAction.AMEND if changed else RevisionAction.WITHDRAW
        revision.sqlmodel_update(content.model_dump())
        self._apply(revision, action, Role.EMPLOYER, actor.id, edit=True)
        return revision

    def withdraw_pending(self, job: Job, actor_id: int | None) -> None:
        """The job itself is back under the employer's pen: changes waiting beside it are dropped."""
        revision = self.pending_of(saved_id(job.id))
        if revision is not None:
            self._apply(revision, RevisionAction.WITHDRAW, Role.EMPLOYER, actor_id, edit=True)

    def review(
        self, revision_id: int, action: RevisionAction, actor: User, reason: str = ""
    ) -> tuple[Job, JobRevision]:
        """Staff approve (onto the live posting, re-indexed in this transaction) or reject (with a reason)."""
        revision = self.session.get(JobRevision, revision_id)
        if revision is None:
            raise NotFound()
        job = self.session.get_one(Job, revision.job_id)
        with unit_of_work(self.session):
            if job.status != JobStatus.PUBLISHED:
                raise Conflict("job_not_published")
            self._apply(revision, action, actor.role, actor.id, reason)
            if revision.status == RevisionStatus.APPROVED:
                job.sqlmodel_update(revision.model_dump(include=set(REVIEWED_FIELDS)))
                job.updated_at = revision.decided_at
                enqueue_for_indexing(self.session, [saved_id(job.id)])
        return job, revision

    def _apply(
        self,
        revision: JobRevision,
        action: RevisionAction,
        role: Role | None,
        actor_id: int | None,
        reason: str = "",
        *,
        edit: bool = False,
    ) -> None:
        """Every status change of a revision: who may take it, from which state, with its audit event."""
        status = REVISION_REVIEW.target(revision.status, action, role, edit=edit)
        reason = reason.strip()
        if action == RevisionAction.REJECT and not reason:
            raise InvalidInput({"reason": "reason_required"})
        previous, revision.status = revision.status, status
        revision.reason = reason
        revision.updated_at = utcnow()
        if status != RevisionStatus.PENDING:
            revision.decided_at = revision.updated_at
        self._record(revision, f"revision_{action}", actor_id, previous=str(previous), reason=reason)

    def _record(self, revision: JobRevision, verb: str, actor_id: int | None, **detail: object) -> None:
        audit.record(
            self.session,
            actor_id=actor_id,
            action=f"job.{verb}",
            subject_type="job",
            subject_id=revision.job_id,
            revision=revision.id,
            **detail,
        )
