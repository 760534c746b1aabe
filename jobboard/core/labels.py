"""How enum values read on pages, in both languages."""

from __future__ import annotations

from enum import StrEnum

from jobboard.applications.models import ApplicationAction, ApplicationStatus
from jobboard.companies.models import CompanyAction, CompanyStatus, Segment
from jobboard.core.i18n import N_, gettext
from jobboard.jobs.models import Education, Experience, JobAction, JobStatus, JobType

# Keyed by kind first: several kinds share a value ("any", "pending", "approve", "reject") but not a word.
LABELS: dict[type[StrEnum], dict[StrEnum, str]] = {
    Segment: {
        Segment.CHIPS: N_("Chips (芯)"),
        Segment.OPTICS: N_("Optics (光)"),
        Segment.SATELLITES: N_("Satellites (星)"),
        Segment.AUTOMOTIVE: N_("Automotive (车)"),
        Segment.NETWORKS: N_("Networks (网)"),
        Segment.OTHER: N_("Institutes and services"),
    },
    CompanyStatus: {
        CompanyStatus.PENDING: N_("Awaiting approval"),
        CompanyStatus.APPROVED: N_("Approved"),
        CompanyStatus.REJECTED: N_("Rejected"),
        CompanyStatus.SUSPENDED: N_("Suspended"),
    },
    CompanyAction: {
        CompanyAction.APPROVE: N_("Approve"),
        CompanyAction.REJECT: N_("Reject"),
        CompanyAction.RESUBMIT: N_("Submit again"),
        CompanyAction.SUSPEND: N_("Suspend"),
        CompanyAction.REINSTATE: N_("Reinstate"),
    },
    JobType: {
        JobType.FULL_TIME: N_("Full-time"),
        JobType.INTERNSHIP: N_("Internship"),
        JobType.CAMPUS: N_("Campus hire"),
    },
    Education: {
        Education.ANY: N_("Any degree"),
        Education.ASSOCIATE: N_("Associate degree"),
        Education.BACHELOR: N_("Bachelor's degree"),
        Education.MASTER: N_("Master's degree"),
        Education.PHD: N_("PhD"),
    },
    Experience: {
        Experience.ANY: N_("Any experience"),
        Experience.NEW_GRADUATE: N_("New graduates"),
        Experience.YEARS_1_3: N_("1–3 years"),
        Experience.YEARS_3_5: N_("3–5 years"),
        Experience.YEARS_5_10: N_("5–10 years"),
        Experience.YEARS_10_PLUS: N_("10 years or more"),
    },
    JobStatus: {
        JobStatus.DRAFT: N_("Draft"),
        JobStatus.PENDING: N_("Awaiting review"),
        JobStatus.PUBLISHED: N_("Published"),
        JobStatus.REJECTED: N_("Rejected"),
        JobStatus.CLOSED: N_("Closed"),
        JobStatus.EXPIRED: N_("Expired"),
    },
    JobAction: {
        JobAction.SUBMIT: N_("Submit for review"),
        JobAction.APPROVE: N_("Publish"),
        JobAction.REJECT: N_("Reject"),
        JobAction.REVISE: N_("Edit"),
        JobAction.CLOSE: N_("Close"),
        JobAction.EXPIRE: N_("Expire"),
        JobAction.REOPEN: N_("Reopen as draft"),
        JobAction.IMPORT: N_("Import"),
    },
    ApplicationStatus: {
        ApplicationStatus.SUBMITTED: N_("Submitted"),
        ApplicationStatus.VIEWED: N_("Viewed"),
        ApplicationStatus.INTERVIEW: N_("Interview"),
        ApplicationStatus.OFFER: N_("Offer"),
        ApplicationStatus.HIRED: N_("Hired"),
        ApplicationStatus.REJECTED: N_("Not selected"),
        ApplicationStatus.WITHDRAWN: N_("Withdrawn"),
    },
    ApplicationAction: {
        ApplicationAction.VIEW: N_("Mark as viewed"),
        ApplicationAction.INVITE: N_("Invite to interview"),
        ApplicationAction.OFFER: N_("Make an offer"),
        ApplicationAction.HIRE: N_("Mark as hired"),
        ApplicationAction.REJECT: N_("Decline"),
        ApplicationAction.WITHDRAW: N_("Withdraw"),
    },
}


def label(value: StrEnum | str) -> str:
    """The reader's word for an enum member (a plain string: the first kind that has that value)."""
    table = LABELS.get(type(value))  # type: ignore[arg-type]
    if table is not None and value in table:
        return gettext(table[value])  # type: ignore[index]
    for table in LABELS.values():
        if value in table:
            return gettext(table[value])  # type: ignore[index]
    return str(value)
