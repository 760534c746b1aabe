"""The applications' enums as people read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.applications.models import ApplicationAction, ApplicationStatus
from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels

register_labels(
    ApplicationStatus,
    {
        ApplicationStatus.SUBMITTED: N_("Submitted"),
        ApplicationStatus.VIEWED: N_("Viewed"),
        ApplicationStatus.INTERVIEW: N_("Interview"),
        ApplicationStatus.OFFER: N_("Offer"),
        ApplicationStatus.HIRED: N_("Hired"),
        ApplicationStatus.REJECTED: N_("Not selected"),
        ApplicationStatus.WITHDRAWN: N_("Withdrawn"),
    },
)
register_labels(
    ApplicationAction,
    {
        ApplicationAction.VIEW: N_("Mark as viewed"),
        ApplicationAction.INVITE: N_("Invite to interview"),
        ApplicationAction.OFFER: N_("Make an offer"),
        ApplicationAction.HIRE: N_("Mark as hired"),
        ApplicationAction.REJECT: N_("Decline"),
        ApplicationAction.WITHDRAW: N_("Withdraw"),
        ApplicationAction.UNDO_DECLINE: N_("Undo the decline"),
    },
)
