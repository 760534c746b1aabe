"""Firms as teams: members and their roles, invitations by e-mail, requests to join."""

# The labels register with the first import of the domain, so that they are there before any page asks
# (models.py importing labels.py would be a cycle).
from jobboard.teams import labels  # noqa: F401
