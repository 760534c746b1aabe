"""Company registration, profile edits and approval by fair staff."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import EmailStr
from sqlmodel import Field, Session, col, func, select

from jobboard.accounts.models import FirmRole, Role, User
from jobboard.accounts.passwords import NewPassword
from jobboard.accounts.services import AccountService, Credentials
from jobboard.accounts.verification import EmailVerification
from jobboard.audit import services as audit
from jobboard.companies.identity import REVIEWED_IDENTITY, IdentityChanges
from jobboard.companies.models import (
    COMPANY_LIFECYCLE,
    IDENTITY_FIELDS,
    Company,
    CompanyAction,
    CompanyIdentity,
    CompanyIdentityChange,
    CompanyProfile,
    CompanyStatus,
    IdentityAction,
    IdentityStatus,
    Segment,
    booth_key,
)
from jobboard.core.clock import utcnow
from jobboard.core.db import unit_of_work
from jobboard.core.errors import Conflict, InvalidInput, NotFound
from jobboard.core.outbox import enqueue_for_indexing
from jobboard.jobs.models import Job
from jobboard.notifications.events import firm_waiting
from jobboard.teams.services import TeamService

REASON_REQUIRED = frozenset({CompanyAction.REJECT, CompanyAction.SUSPEND})


class EmployerSignup(CompanyProfile):
    """The employer registration form: the firm's profile and its first member's account."""

    segment: Segment  # chosen, never assumed: a firm left unasked was filed among the institutes
    email: EmailStr = Field(max_length=254)
    password: NewPassword
    contact_name: str = Field(min_length=1, max_length=100)


def hiring_company_id(session: Session, employer: User) -> int:
    """The employer's firm if it may see applicants now: the member's firm and its approval both read from
    the database on every call (never from the few-seconds user cache), so a suspension or rejection
    closes the pipeline at once, and so does a member's removal from the team."""
    company_id = session.exec(
        select(Company.id)
        .join(User, col(User.company_id) == Company.id)
        .where(User.id == employer.id, col(User.is_active), Company.status == CompanyStatus.APPROVED)
    ).first()
    if company_id is None:
        raise NotFound()
    return company_id


@dataclass(frozen=True)
class EmployerRegistration:
    """What registering an employer led to. ``joining``: the firm the board already had, asked to join
    (firms are public, so the answer may say so whatever the address); ``user``: the new account, None
    when the address had one already (that account got a mail instead)."""

    user: User | None
    joining: Company | None


class CompanyService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, company_id: int) -> Company:
        company = self.session.get(Company, company_id)
        if company is None:
            raise NotFound()
        return company

    def get_approved(self, company_id: int) -> Company:
        company = self.session.get(Company, company_id)
        if company is None or company.status != CompanyStatus.APPROVED:
            raise NotFound()
        return company

    def by_ids(self, company_ids: Sequence[int]) -> Sequence[Company]:
        if not company_ids:
            return []
        return self.session.exec(select(Company).where(col(Company.id).in_(company_ids))).all()

    def find_by_name(self, name: str) -> Company | None:
        name = name.strip()
        return self.session.exec(
            select(Company).where((Company.name_zh == name) | (Company.name_en == name))
        ).first()

    def list_by_status(self, status: CompanyStatus | None = None) -> Sequence[Company]:
        query = select(Company).order_by(col(Company.created_at).desc())
        if status is not None:
            query = query.where(Company.status == status)
        return self.session.exec(query).all()

    def booth_holders(self, booths: Iterable[str]) -> dict[str, Company]:
        """The approved firms holding these booth numbers, by ``booth_key``."""
        keys = sorted({booth_key(booth) for booth in booths} - {""})
        if not keys:
            return {}
        query = select(Company).where(
            Company.status == CompanyStatus.APPROVED, func.upper(func.trim(Company.booth)).in_(keys)
        )
        return {booth_key(company.booth): company for company in self.session.exec(query)}

    def members(self, company_ids: Sequence[int]) -> dict[int, User]:
        """Each firm's first member: the person who registered it, whom staff contact."""
        if not company_ids:
            return {}
        query = select(User).where(col(User.company_id).in_(company_ids)).order_by(col(User.id).desc())
        return {user.firm_id: user for user in self.session.exec(query)}  # the first id is written last

    def register_employer(
        self, signup: EmployerSignup, *, language: str = "zh", verified: bool = False
    ) -> EmployerRegistration:
        """A new firm and its first member, its owner, whose address a mailed link verifies; the firm waits
        for staff approval. A firm the board already has (the same credit code or Chinese name) is never
        registered twice: the account is made in no firm, with a request to join that the firm's owner or
        staff decide. For an address that has an account already, the checks run all the same (the answer
        must not tell): only a mail to that account saying so, and no account, firm or request."""
        accounts = AccountService(self.session)
        with unit_of_work(self.session):
            existing = self._same_firm(signup)
            if existing is None:
                self._check_unique(None, signup)
            if accounts.tell_if_registered(signup.email, signup.password):
                return EmployerRegistration(user=None, joining=existing)
            credentials = Credentials(email=signup.email, password=signup.password)
            user = accounts.new_user(
                credentials,
                Role.EMPLOYER,
                full_name=signup.contact_name,
                language=language,
                verified=verified,
            )
            if not verified:
                EmailVerification(self.session).send(user)
            if existing is not None:
                TeamService(self.session).request_to_join(existing, user)
                return EmployerRegistration(user=user, joining=existing)
            company = Company.model_validate(signup.model_dump(include=set(CompanyProfile.model_fields)))
            self.session.add(company)
            self.session.flush()
            user.company_id = company.id
            user.firm_role = FirmRole.OWNER
            audit.record(
                self.session,
                actor_id=user.id,
                action="company.registered",
                subject_type="company",
                subject_id=company.id,
            )
            firm_waiting(self.session, company)
        return EmployerRegistration(user=user, joining=None)

    def update_profile(self, company: Company, profile: CompanyProfile, actor: User) -> Company:
        """An amended profile; a rejected firm's goes back to review with it. A firm whose identity was
        approved keeps it until staff approve the new one: only the rest goes live now."""
        with unit_of_work(self.session):
            self._check_unique(company.id, profile)
            live = profile.model_dump()
            if company.status in REVIEWED_IDENTITY:
                IdentityChanges(self.session).propose(company, profile, actor)
                live = profile.model_dump(exclude=set(IDENTITY_FIELDS))
            company.sqlmodel_update(live)
            company.updated_at = utcnow()
            if COMPANY_LIFECYCLE.allows(company.status, CompanyAction.RESUBMIT):
                self._apply(company, CompanyAction.RESUBMIT, actor, "", edit=True)
            self._reindex_jobs_of(company)
        return company

    def transition(self, company: Company, action: CompanyAction, actor: User, reason: str = "") -> Company:
        with unit_of_work(self.session):
            self._apply(company, action, actor, reason)
        return company

    def review_identity(
        self, change_id: int, action: IdentityAction, actor: User, reason: str = ""
    ) -> tuple[Company, CompanyIdentityChange]:
        """Staff decide a firm's new identity; approved only if its name, code and booth are still free."""
        changes = IdentityChanges(self.session)
        change = changes.get(change_id)
        company = self.get(change.company_id)
        with unit_of_work(self.session):
            if action == IdentityAction.APPROVE:
                self._check_unique(company.id, change)
                self._check_booth_free(company, change.booth)
            changes.decide(change, company, action, actor, reason)
            if change.status == IdentityStatus.APPROVED:
                self._reindex_jobs_of(company)
        return company, change

    def ensure_approved(self, name: str, segment: Segment, booth: str, actor_id: int | None) -> Company:
        """The firm named in an imported job table, created approved if it is new (staff vouch for it)."""
        company = self.find_by_name(name)
        if company is None:
            company = Company(
                name_zh=name.strip(), segment=segment, booth=booth, status=CompanyStatus.APPROVED
            )
            company.hall = booth.split("-", 1)[0] if "-" in booth else ""
            self.session.add(company)
            self.session.flush()
            audit.record(
                self.session,
                actor_id=actor_id,
                action="company.imported",
                subject_type="company",
                subject_id=company.id,
            )
        return company

    def _same_firm(self, signup: EmployerSignup) -> Company | None:
        if signup.credit_code:
            holder = self.session.exec(
                select(Company).where(Company.credit_code == signup.credit_code)
            ).first()
            if holder is not None:
                return holder
        return self.session.exec(select(Company).where(Company.name_zh == signup.name_zh.strip())).first()

    def _check_unique(self, company_id: int | None, profile: CompanyIdentity) -> None:
        """Name, credit code and (among approved firms) booth number belong to one firm each."""
        errors: dict[str, str] = {}
        clash = self.find_by_name(profile.name_zh)
        if clash is not None and clash.id != company_id:
            errors["name_zh"] = "company_exists"
        if profile.credit_code:
            holder = self.session.exec(
                select(Company).where(Company.credit_code == profile.credit_code)
            ).first()
            if holder is not None and holder.id != company_id:
                errors["credit_code"] = "credit_code_taken"
        holder = self.booth_holders([profile.booth]).get(booth_key(profile.booth))
        if holder is not None and holder.id != company_id:
            errors["booth"] = "booth_taken"  # the employer is not told whose booth it is; staff are
        if errors:
            raise InvalidInput(errors)

    def _check_booth_free(self, company: Company, booth: str) -> None:
        """A firm is approved only onto a booth no other approved firm holds; staff learn which one."""
        holder = self.booth_holders([booth]).get(booth_key(booth))
        if holder is not None and holder.id != company.id:
            raise Conflict("booth_taken", booth=booth, holder=holder.name_zh)

    def _apply(
        self, company: Company, action: CompanyAction, actor: User, reason: str, *, edit: bool = False
    ) -> None:
        """Every status change of a firm: who may take it, from which state, with its audit and reindex."""
        status = COMPANY_LIFECYCLE.target(company.status, action, actor.role, edit=edit)  # refused first
        if status == CompanyStatus.APPROVED:
            self._check_booth_free(company, company.booth)
        reason = reason.strip()
        if action in REASON_REQUIRED and not reason:
            raise InvalidInput({"reason": "reason_required"})
        previous, company.status = company.status, status
        company.status_reason = reason
        company.updated_at = utcnow()
        audit.record(
            self.session,
            actor_id=actor.id,
            action=f"company.{action}",
            subject_type="company",
            subject_id=company.id,
            previous=str(previous),
            reason=reason,
        )
        if status == CompanyStatus.PENDING:  # a rejected firm's amended profile is back for review
            firm_waiting(self.session, company)
        self._reindex_jobs_of(company)

    def _reindex_jobs_of(self, company: Company) -> None:
        """The company's state and names are part of each job's public face."""
        job_ids = self.session.exec(select(Job.id).where(Job.company_id == company.id)).all()
        enqueue_for_indexing(self.session, [job_id for job_id in job_ids if job_id is not None])
