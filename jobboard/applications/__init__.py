"""Applications: a job seeker's resume sent, with consent, to one firm, and that firm's pipeline."""

# Registered on importing the package: whoever holds one of its enums has imported it, so the words are
# there before any page, export or audit line asks (models.py importing labels.py would be a cycle).
from jobboard.applications import labels  # noqa: F401
