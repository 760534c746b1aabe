"""The teams' enums as people read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels
from jobboard.core.roles import FirmRole
from jobboard.teams.models import InvitationAction, InvitationStatus, JoinAction, JoinStatus

register_labels(FirmRole, {FirmRole.OWNER: N_("Owner"), FirmRole.RECRUITER: N_("Recruiter")})
register_labels(
    InvitationStatus,
    {
        InvitationStatus.PENDING: N_("Invitation sent"),
        InvitationStatus.ACCEPTED: N_("Invitation accepted"),
        InvitationStatus.REVOKED: N_("Invitation revoked"),
    },
)
register_labels(
    InvitationAction,
    {
        InvitationAction.ACCEPT: N_("Accept"),
        InvitationAction.RESEND: N_("Send again"),
        InvitationAction.REVOKE: N_("Revoke"),
    },
)
register_labels(
    JoinStatus,
    {
        JoinStatus.PENDING: N_("Awaiting a decision"),
        JoinStatus.ADMITTED: N_("Admitted"),
        JoinStatus.DECLINED: N_("Declined"),
    },
)
register_labels(JoinAction, {JoinAction.ADMIT: N_("Admit"), JoinAction.DECLINE: N_("Decline")})
