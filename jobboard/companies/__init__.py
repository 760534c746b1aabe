"""Exhibiting firms: their bilingual profile, booth, and approval by fair staff."""

# Registered on importing the package: whoever holds one of its enums has imported it, so the words are
# there before any page, export or audit line asks (models.py importing labels.py would be a cycle).
from jobboard.companies import labels  # noqa: F401
