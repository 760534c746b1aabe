"""Import of the job tables firms send to the fair (岗位信息表): CSV, XLSX and JSON Lines.

``reading`` turns a file into raw records, ``rows`` validates each record, ``services`` writes
the valid ones in one transaction. The CLI (``jobboard import-jobs``), the demo-data loader and
the staff upload page all go through :class:`ImportService`.
"""

# The preview's row labels register when the domain is first imported (as the other domains' do).
from jobboard.imports import labels  # noqa: F401
from jobboard.imports.report import ImportProblem, ImportReport
from jobboard.imports.services import ImportService

__all__ = ["ImportProblem", "ImportReport", "ImportService"]
