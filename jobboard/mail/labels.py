"""The outbox's states as staff read them (the ``label`` filter)."""

from __future__ import annotations

from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels
from jobboard.mail.models import MailStatus

register_labels(
    MailStatus,
    {
        MailStatus.QUEUED: N_("Queued"),
        MailStatus.SENDING: N_("Being sent"),
        MailStatus.SENT: N_("Sent"),
        MailStatus.FAILED: N_("Failed"),
        MailStatus.KEPT: N_("Kept (no mail server)"),
    },
)
