"""The firms' enums as people read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.companies.models import CompanyAction, CompanyStatus, Segment
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
