"""The employer's home and company profile, and the public company page."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.plugins.flash import flash
from litestar.response import Redirect, Template

from jobboard.accounts.guards import SignedInRequest, requires_employer
from jobboard.applications.services import count_applications_by_job
from jobboard.companies.identity import IdentityChanges
from jobboard.companies.models import (
    IDENTITY_FIELDS,
    CompanyIdentityChange,
    CompanyProfile,
    IdentityStatus,
    Segment,
)
from jobboard.companies.services import CompanyService
from jobboard.core.db import saved_id
from jobboard.core.errors import InvalidInput
from jobboard.core.i18n import gettext as _
from jobboard.core.validation import validate
from jobboard.jobs.models import JOB_LIFECYCLE
from jobboard.jobs.revisions import RevisionService
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import DbSession
from jobboard.web.forms import Form, FormData, cleaned


class PublicCompanyController(Controller):
    include_in_schema = False

    @get("/companies/{company_id:int}", name="company_detail", sync_to_thread=True)
    def company_page(self, db_session: DbSession, company_id: FromPath[int]) -> Template:
        company = CompanyService(db_session).get_approved(company_id)
        jobs = JobService(db_session).list_public_of_company(company_id)
        return Template("companies/detail.html", context={"company": company, "jobs": jobs})

    @get("/employers", name="employers_entry")
    async def entry(self) -> Template:
        """企业入口: firms that registered sign in first; a new firm registers from here."""
        return Template("companies/entry.html")


class EmployerHomeController(Controller):
    path = "/employer"
    guards = [requires_employer]
    include_in_schema = False

    @get("/", name="employer_home", sync_to_thread=True)
    def home(self, request: SignedInRequest, db_session: DbSession) -> Template:
        company = CompanyService(db_session).get(request.user.firm_id)
        jobs = JobService(db_session).list_for_company(saved_id(company.id))
        job_ids = [job.id for job in jobs if job.id is not None]
        # A firm that is not approved sees its jobs but no applicants.
        counts = count_applications_by_job(db_session, job_ids) if company.is_approved else {}
        revisions = RevisionService(db_session).latest_by_job(job_ids)
        return Template(
            "companies/employer_home.html",
            context={
                "company": company,
                "identity_change": IdentityChanges(db_session).latest_of(saved_id(company.id)),
                "jobs": jobs,
                "counts": counts,
                "revisions": revisions,
                "lifecycle": JOB_LIFECYCLE,
            },
        )

    @get("/company", name="employer_company", sync_to_thread=True)
    def profile_page(self, request: SignedInRequest, db_session: DbSession) -> Template:
        """The profile as the firm last asked for it: a new identity waiting for review included."""
        company = CompanyService(db_session).get(request.user.firm_id)
        change = IdentityChanges(db_session).latest_of(saved_id(company.id))
        values = company.model_dump(include=set(CompanyProfile.model_fields), exclude_none=True)
        if change is not None and change.status == IdentityStatus.PENDING:
            values |= change.model_dump(include=set(IDENTITY_FIELDS), exclude_none=True)
        return Template("companies/profile_form.html", context=_profile_context(Form(values=values), change))

    @post("/company", sync_to_thread=True)
    def update_profile(
        self, request: SignedInRequest, db_session: DbSession, data: FormData
    ) -> Template | Redirect:
        values = cleaned(data)
        service = CompanyService(db_session)
        company = service.get(request.user.firm_id)
        try:
            service.update_profile(company, validate(CompanyProfile, values), request.user)
        except InvalidInput as error:
            change = IdentityChanges(db_session).latest_of(saved_id(company.id))
            return Template(
                "companies/profile_form.html",
                context=_profile_context(Form.failed(values, error), change),
                status_code=400,
            )
        if IdentityChanges(db_session).pending_of(saved_id(company.id)) is not None:
            flash(request, _("The company profile was saved; the new identity awaits review."), "success")
        else:
            flash(request, _("The company profile was saved."), "success")
        return Redirect("/employer")


def _profile_context(form: Form, change: CompanyIdentityChange | None) -> dict[str, object]:
    return {"form": form, "segments": list(Segment), "identity_change": change}
