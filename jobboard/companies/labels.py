"""The firms' enums as people read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.companies.models import CompanyAction, CompanyStatus, IdentityAction, IdentityStatus, Segment
from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels

register_labels(
    Segment,
    {
        Segment.CHIPS: N_("Chips (芯)"),
        Segment.OPTICS: N_("Optics (光)"),
        Segment.SATELLITES: N_("Satellites (星)"),
        Segment.AUTOMOTIVE: N_("Automotive (车)"),
        Segment.NETWORKS: N_("Networks (网)"),
        Segment.OTHER: N_("Institutes and services"),
    },
)
register_labels(
    CompanyStatus,
    {
        CompanyStatus.PENDING: N_("Awaiting approval"),
        CompanyStatus.APPROVED: N_("Approved"),
        CompanyStatus.REJECTED: N_("Rejected"),
        CompanyStatus.SUSPENDED: N_("Suspended"),
    },
)
register_labels(
    CompanyAction,
    {
        CompanyAction.APPROVE: N_("Approve"),
        CompanyAction.REJECT: N_("Reject"),
        CompanyAction.RESUBMIT: N_("Submit again"),
        CompanyAction.SUSPEND: N_("Suspend"),
        CompanyAction.REINSTATE: N_("Reinstate"),
    },
)
register_labels(
    IdentityStatus,
    {
        IdentityStatus.PENDING: N_("Changes awaiting review"),
        IdentityStatus.APPROVED: N_("Changes approved"),
        IdentityStatus.REJECTED: N_("Changes not accepted"),
        IdentityStatus.WITHDRAWN: N_("Changes withdrawn"),
    },
)
register_labels(
    IdentityAction,
    {
        IdentityAction.AMEND: N_("Edit"),
        IdentityAction.APPROVE: N_("Approve"),
        IdentityAction.REJECT: N_("Reject"),
        IdentityAction.WITHDRAW: N_("Withdraw the changes"),
    },
)
# What staff compare in an identity change (CompanyIdentityChange.changed_fields), in the form's words.
IDENTITY_FIELD_LABELS = {
    "name_zh": N_("Company name (Chinese)"),
    "name_en": N_("Company name (English)"),
    "hall": N_("Hall"),
    "booth": N_("Booth number"),
    "credit_code": N_("Unified social credit code"),
}
