"""What the import preview says it would do with each row (the ``label`` filter)."""

from __future__ import annotations

from jobboard.core.i18n import N_
from jobboard.core.labels import register_labels
from jobboard.imports.report import RowStatus

register_labels(
    RowStatus,
    {
        RowStatus.NEW: N_("New job"),
        RowStatus.UPDATE: N_("Updates a job"),
        RowStatus.PROBLEM: N_("Has a problem"),
        RowStatus.CHECK_FIRM: N_("Check the firm"),
    },
)
