"""The staff audit log: who approved, rejected, imported, exported or changed staff accounts, and when."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromQuery
from litestar.response import Template

from jobboard.accounts.guards import requires_staff
from jobboard.audit import text as audit_text
from jobboard.audit.services import KINDS, audit_page, recorded_actions
from jobboard.web.dependencies import DbSession

MAX_ACTION_LENGTH = 60


class StaffAuditController(Controller):
    path = "/staff/audit"
    guards = [requires_staff]
    include_in_schema = False

    @get("/", name="staff_audit", sync_to_thread=True)
    def audit_log(
        self, db_session: DbSession, action: FromQuery[str] = "", page: FromQuery[int] = 1
    ) -> Template:
        action = action.strip()[:MAX_ACTION_LENGTH]
        return Template(
            "audit/audit.html",
            context={
                "log": audit_page(db_session, action, page),
                "kinds": [(kind, audit_text.kind_label(kind)) for kind in KINDS],
                "actions": [(name, audit_text.action_label(name)) for name in recorded_actions(db_session)],
                "describe": audit_text,
            },
        )
