"""Notifications: the in-app inbox, the mails that tell people what happened, and each person's choices."""

# Registered before any page asks (models.py importing labels.py would be a cycle).
from jobboard.notifications import labels  # noqa: F401
