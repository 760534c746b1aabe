"""The kinds of mail as people read them (the ``label`` filter), on the preferences and stop pages."""

from __future__ import annotations

from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels
from jobboard.notifications.models import MailKind

register_labels(
    MailKind,
    {
        MailKind.APPLICATION_UPDATE: N_(
            "News of my applications (each step, the firm's message, interviews)"
        ),
        MailKind.APPLICANT_DIGEST: N_("New applicants to my company's jobs (at most one mail per interval)"),
        MailKind.REVIEW_DIGEST: N_("Firms and jobs waiting for review (at most one mail per interval)"),
    },
)
