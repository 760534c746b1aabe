"""What a notification says, worded when it is shown, in the reader's language (pages and mails alike)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jobboard.applications.models import ApplicationStatus
from jobboard.core.i18n import N_, gettext
from jobboard.core.labels import label
from jobboard.core.text import bilingual, local_datetime
from jobboard.notifications.models import Notification, NotificationKind

SENTENCES: dict[NotificationKind, str] = {
    NotificationKind.APPLICATION_STEP: N_("%(company)s: your application for %(job)s is now: %(status)s."),
    NotificationKind.NEW_APPLICANT: N_("A new applicant for %(job)s."),
    NotificationKind.FIRM_WAITING: N_("%(company)s awaits approval."),
    NotificationKind.JOB_WAITING: N_("%(company)s submitted the job %(job)s for moderation."),
    NotificationKind.REVISION_WAITING: N_(
        "%(company)s edited the published job %(job)s; the edit awaits review."
    ),
}


def names(params: dict[str, Any]) -> dict[str, str]:
    """The job's and the firm's names in the reader's language (the other one where it is missing)."""
    return {
        "job": bilingual(params.get("job", ""), params.get("job_en", "")),
        "company": bilingual(params.get("company", ""), params.get("company_en", "")),
    }


def sentence(notification: Notification) -> str:
    return worded(notification.kind, notification.params)


def worded(kind: NotificationKind, params: dict[str, Any]) -> str:
    status = params.get("status")
    return gettext(
        SENTENCES[kind], **names(params), status=label(ApplicationStatus(status)) if status else ""
    )


def interview_at(notification: Notification) -> str:
    """The interview's time as the fair's clocks show it; "" when none was given."""
    moment = notification.params.get("interview_at")
    return local_datetime(datetime.fromisoformat(moment)) if moment else ""
