"""Job openings: the structured posting form, moderation and the public/hidden rule."""

# Registered on importing the package: whoever holds one of its enums has imported it, so the words are
# there before any page, export or audit line asks (models.py importing labels.py would be a cycle).
from jobboard.jobs import labels  # noqa: F401
