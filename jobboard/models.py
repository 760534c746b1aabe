"""Every table, imported in one place so that ``SQLModel.metadata`` (and Alembic) sees them all."""

from jobboard.accounts.models import AccountLink, User
from jobboard.applications.models import Application
from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company, CompanyIdentityChange
from jobboard.core.outbox import IndexOutboxEntry
from jobboard.jobs.models import Job, JobRevision
from jobboard.mail.models import OutgoingMail
from jobboard.notifications.models import MailStopToken, Notification, NotificationSettings
from jobboard.search.models import SearchQueryDay
from jobboard.teams.models import FirmInvitation, JoinRequest

__all__ = [
    "AccountLink",
    "Application",
    "AuditEvent",
    "Company",
    "CompanyIdentityChange",
    "FirmInvitation",
    "IndexOutboxEntry",
    "Job",
    "JobRevision",
    "JoinRequest",
    "MailStopToken",
    "Notification",
    "NotificationSettings",
    "OutgoingMail",
    "SearchQueryDay",
    "User",
]
