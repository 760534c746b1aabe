"""Changes to an approved firm's identity (names, 统一社会信用代码, hall and booth), kept beside it while they
wait for review, so the approved identity stays public and is what applicants consent to.

``CompanyService.update_profile`` proposes (inside its unit of work); ``CompanyService.review_identity``
checks the new identity is still free and decides. Every status change of a change goes through
``IDENTITY_REVIEW`` in ``IdentityChanges._apply``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from jobboard.accounts.models import User
from jobboard.audit import services as audit
from jobboard.companies.models import (
    IDENTITY_FIELDS,
    IDENTITY_REVIEW,
    Company,
    CompanyIdentity,
    CompanyIdentityChange,
    CompanyStatus,
    IdentityAction,
    IdentityStatus,
)
from jobboard.core.clock import utcnow
from jobboard.core.errors import InvalidInput, NotFound

# Firms whose identity was approved once: applicants and visitors know them by it.
REVIEWED_IDENTITY = frozenset({CompanyStatus.APPROVED, CompanyStatus.SUSPENDED})
# What the employer is shown: the change waiting, or the last one refused and why.
_SHOWN_TO_EMPLOYER = (IdentityStatus.PENDING, IdentityStatus.REJECTED)


class IdentityChanges:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, change_id: int) -> CompanyIdentityChange:
        change = self.session.get(CompanyIdentityChange, change_id)
        if change is None:
            raise NotFound()
        return change

    def pending_of(self, company_id: int) -> CompanyIdentityChange | None:
        return self.session.exec(
            select(CompanyIdentityChange).where(
                CompanyIdentityChange.company_id == company_id,
                CompanyIdentityChange.status == IdentityStatus.PENDING,
            )
        ).first()

    def latest_of(self, company_id: int) -> CompanyIdentityChange | None:
        """The newest change if it is waiting or was refused (a later one replaces it)."""
        change = self.session.exec(
            select(CompanyIdentityChange)
            .where(CompanyIdentityChange.company_id == company_id)
            .order_by(col(CompanyIdentityChange.id).desc())
        ).first()
        return change if change is not None and change.status in _SHOWN_TO_EMPLOYER else None

    def review_queue(self) -> Sequence[tuple[CompanyIdentityChange, Company]]:
        rows = self.session.exec(
            select(CompanyIdentityChange, Company)
            .join(Company, col(Company.id) == CompanyIdentityChange.company_id)
            .where(CompanyIdentityChange.status == IdentityStatus.PENDING)
            .order_by(col(CompanyIdentityChange.updated_at))
        ).all()
        return [(change, company) for change, company in rows]

    # Writing, inside the caller's unit of work

    def propose(self, company: Company, identity: CompanyIdentity, actor: User) -> None:
        """A new identity waits (amending one already waiting; withdrawing it when the form goes back to
        the approved identity)."""
        wanted = identity.model_dump(include=set(IDENTITY_FIELDS))
        changed = [name for name, value in wanted.items() if getattr(company, name) != value]
        change = self.pending_of(company.id or 0)
        if change is None and not changed:
            return
        if change is None:
            change = CompanyIdentityChange.model_validate(wanted | {"company_id": company.id})
            change.updated_at = utcnow()
            self.session.add(change)
            self.session.flush()
            self._record(change, "identity_proposed", actor.id, changed=changed)
            return
        change.sqlmodel_update(wanted)
        action = IdentityAction.AMEND if changed else IdentityAction.WITHDRAW
        self._apply(change, action, actor, edit=True)

    def decide(
        self,
        change: CompanyIdentityChange,
        company: Company,
        action: IdentityAction,
        actor: User,
        reason: str,
    ) -> None:
        """Staff approve (the new identity goes onto the firm) or reject it (with a reason)."""
        self._apply(change, action, actor, reason)
        if change.status == IdentityStatus.APPROVED:
            company.sqlmodel_update(change.model_dump(include=set(IDENTITY_FIELDS)))
            company.updated_at = change.decided_at

    def _apply(
        self,
        change: CompanyIdentityChange,
        action: IdentityAction,
        actor: User,
        reason: str = "",
        *,
        edit: bool = False,
    ) -> None:
        status = IDENTITY_REVIEW.target(change.status, action, actor.role, edit=edit)
        reason = reason.strip()
        if action == IdentityAction.REJECT and not reason:
            raise InvalidInput({"reason": "reason_required"})
        previous, change.status = change.status, status
        change.reason = reason
        change.updated_at = utcnow()
        if status != IdentityStatus.PENDING:
            change.decided_at = change.updated_at
        self._record(change, f"identity_{action}", actor.id, previous=str(previous), reason=reason)

    def _record(
        self, change: CompanyIdentityChange, verb: str, actor_id: int | None, **detail: object
    ) -> None:
        audit.record(
            self.session,
            actor_id=actor_id,
            action=f"company.{verb}",
            subject_type="company",
            subject_id=change.company_id,
            change=change.id,
            **detail,
        )
