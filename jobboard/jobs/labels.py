"""The jobs' enums as people read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels
from jobboard.jobs.models import (
    Education,
    Experience,
    JobAction,
    JobStatus,
    JobType,
    RevisionAction,
    RevisionStatus,
)

register_labels(
    JobType,
    {
        JobType.FULL_TIME: N_("Full-time"),
        JobType.INTERNSHIP: N_("Internship"),
        JobType.CAMPUS: N_("Campus hire"),
    },
)
# Education before Experience: a plain "any" (a search facet's value) reads as "Any degree".
register_labels(
    Education,
    {
        Education.ANY: N_("Any degree"),
        Education.ASSOCIATE: N_("Associate degree"),
        Education.BACHELOR: N_("Bachelor's degree"),
        Education.MASTER: N_("Master's degree"),
        Education.PHD: N_("PhD"),
    },
)
register_labels(
    Experience,
    {
        Experience.ANY: N_("Any experience"),
        Experience.NEW_GRADUATE: N_("New graduates"),
        Experience.YEARS_1_3: N_("1–3 years"),
        Experience.YEARS_3_5: N_("3–5 years"),
        Experience.YEARS_5_10: N_("5–10 years"),
        Experience.YEARS_10_PLUS: N_("10 years or more"),
    },
)
register_labels(
    JobStatus,
    {
        JobStatus.DRAFT: N_("Draft"),
        JobStatus.PENDING: N_("Awaiting review"),
        JobStatus.PUBLISHED: N_("Published"),
        JobStatus.REJECTED: N_("Rejected"),
        JobStatus.CLOSED: N_("Closed"),
        JobStatus.EXPIRED: N_("Expired"),
    },
)
register_labels(
    JobAction,
    {
        JobAction.SUBMIT: N_("Submit for review"),
        JobAction.APPROVE: N_("Publish"),
        JobAction.REJECT: N_("Reject"),
        JobAction.REVISE: N_("Edit"),
        JobAction.CLOSE: N_("Close"),
        JobAction.UNDO_CLOSE: N_("Undo close"),
        JobAction.EXPIRE: N_("Expire"),
        JobAction.REOPEN: N_("Reopen as draft"),
        JobAction.IMPORT: N_("Import"),
    },
)
register_labels(
    RevisionStatus,
    {
        RevisionStatus.PENDING: N_("Changes awaiting review"),
        RevisionStatus.APPROVED: N_("Changes published"),
        RevisionStatus.REJECTED: N_("Changes not accepted"),
        RevisionStatus.WITHDRAWN: N_("Changes withdrawn"),
    },
)
register_labels(
    RevisionAction,
    {
        RevisionAction.AMEND: N_("Edit"),
        RevisionAction.APPROVE: N_("Publish the changes"),
        RevisionAction.REJECT: N_("Reject"),
        RevisionAction.WITHDRAW: N_("Withdraw the changes"),
    },
)
# What staff compare in a revision (JobRevision.changed_fields), in the job form's own words.
CHANGED_FIELD_LABELS = {
    "title": N_("Job title (Chinese)"),
    "title_en": N_("Job title (English)"),
    "description": N_("Responsibilities (岗位职责)"),
    "requirements": N_("Requirements (任职要求)"),
    "description_en": N_("Responsibilities (English)"),
    "requirements_en": N_("Requirements (English)"),
    "city": N_("City"),
    "job_type": N_("Type"),
    "education": N_("Education"),
    "experience": N_("Experience"),
    "majors": N_("Majors"),
    "salary": N_("Salary"),
}
