"""The fair staff's overview: the fair at a glance (company review and job moderation live with their
domains, in ``companies/review_controllers.py`` and ``jobs/moderation_controllers.py``)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.response import Template

from jobboard.accounts.guards import requires_staff
from jobboard.staff.dashboard import overview_charts
from jobboard.staff.services import fair_overview
from jobboard.web.dependencies import DbSession


class StaffController(Controller):
    path = "/staff"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_home", sync_to_thread=True)
    def overview(self, db_session: DbSession) -> Template:
        overview = fair_overview(db_session)
        return Template(
            "staff/overview.html", context={"overview": overview, "charts": overview_charts(overview)}
        )
