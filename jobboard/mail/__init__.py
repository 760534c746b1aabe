"""Outgoing mail: a durable outbox written in the caller's transaction, delivered after commit."""

# Registered on importing the package, as the other domains do (see jobboard/companies/__init__.py).
from jobboard.mail import labels  # noqa: F401
