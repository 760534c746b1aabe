"""Audit events in the reader's language: what happened, to which record, with which details.

The usual actions have a message of their own; any other transition of a state machine
(``application.invite``…) is named from the enums' labels, so it reads right without a new message.
Whatever is not known (a future action or detail) is shown as its code, marked as code, not prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jobboard.applications.models import ApplicationAction, ApplicationStatus
from jobboard.audit.models import AuditEvent
from jobboard.audit.services import KIND_LABELS
from jobboard.companies.models import CompanyAction, CompanyStatus, Segment
from jobboard.core.i18n import HTML_LANG, N_, get_locale, gettext
from jobboard.core.labels import label
from jobboard.core.text import written_in
from jobboard.jobs.models import JobAction, JobStatus

ACTION_LABELS: dict[str, str] = {
    "account.password_reset": N_("Password reset by mail"),
    "account.password_changed": N_("Password changed"),
    "company.registered": N_("Company registered"),
    "company.approve": N_("Company approved"),
    "company.reject": N_("Company rejected"),
    "company.resubmit": N_("Company submitted again"),
    "company.suspend": N_("Company suspended"),
    "company.reinstate": N_("Company reinstated"),
    "company.identity_proposed": N_("Change of company name, credit code or booth sent for review"),
    "company.identity_amend": N_("Identity change awaiting review changed"),
    "company.identity_withdraw": N_("Identity change awaiting review withdrawn"),
    "company.identity_approve": N_("Change of company name, credit code or booth approved"),
    "company.identity_reject": N_("Change of company name, credit code or booth rejected"),
    "job.submit": N_("Job submitted for review"),
    "job.approve": N_("Job published"),
    "job.reject": N_("Job rejected"),
    "job.revise": N_("Job edited"),
    "job.close": N_("Job closed"),
    "job.expire": N_("Job expired"),
    "job.reopen": N_("Job reopened as draft"),
    "job.import": N_("Job imported"),
    "job.undo_close": N_("Job closing undone"),
    "job.updated_live": N_("Job's openings, deadline or contact changed"),
    "job.revision_proposed": N_("Edit of a published job sent for review"),
    "job.revision_amend": N_("Edit awaiting review changed"),
    "job.revision_withdraw": N_("Edit awaiting review withdrawn"),
    "job.revision_approve": N_("Edit of a published job approved"),
    "job.revision_reject": N_("Edit of a published job rejected"),
    "company.imported": N_("Company created by an import"),
    "job.created": N_("Job created"),
    "jobs.imported": N_("Job table imported"),
    "applicants.exported": N_("Applicants exported"),
    "resume.downloaded": N_("Resume downloaded"),
    "staff.created": N_("Staff account created"),
    "application.submitted": N_("Application submitted"),
    "mail.retry": N_("Failed mail sent again"),
}
SUBJECTS: dict[str, str] = {
    "company": N_("Company"),
    "job": N_("Job"),
    "application": N_("Application"),
    "mail": N_("Mail"),
    "user": N_("User account"),
    "import": N_("Import"),
    "export": N_("Export"),
}
# Per subject: the enum its transitions and states come from.
_ACTIONS: dict[str, type[StrEnum]] = {
    "company": CompanyAction,
    "job": JobAction,
    "application": ApplicationAction,
}
_STATES: dict[str, type[StrEnum]] = {
    "company": CompanyStatus,
    "job": JobStatus,
    "application": ApplicationStatus,
    "export": ApplicationStatus,  # an export's "status" filter is applicants' states
}
DETAILS: dict[str, str] = {
    "previous": N_("Previous state"),
    "status": N_("State"),
    "reason": N_("Reason"),
    "job_id": N_("Job"),
    "company_id": N_("Company"),
    "file": N_("File"),
    "rows": N_("Rows"),
    "created": N_("Jobs created"),
    "updated": N_("Updated jobs"),
    "companies_created": N_("New companies"),
    "bad_rows": N_("Rows with problems"),
    "skip_invalid": N_("Rows with problems skipped"),
    "format": N_("Format"),
    "segment": N_("Segments"),
    "applied_from": N_("Applied from"),
    "applied_to": N_("Applied until"),
    "complete": N_("Complete"),
    "channel": N_("Through"),
    "missing_files": N_("Missing files"),
}
CHANNELS: dict[str, str] = {"web": N_("the website"), "cli": N_("the command line")}
# Details whose values people wrote (file names, reasons, dates): shown as written, in their own language.
VERBATIM = frozenset({"file", "reason", "applied_from", "applied_to"})


@dataclass(frozen=True)
class Text:
    """A piece of the page; ``code`` marks a machine value (an unknown action, a file name) as not prose."""

    text: str
    code: bool = False
    lang: str = ""  # for text people wrote: the language it is written in


def kind_label(kind: str) -> str:
    return gettext(KIND_LABELS[kind])


def action_label(action: str) -> Text:
    if action in ACTION_LABELS:
        return Text(gettext(ACTION_LABELS[action]))
    subject, _, verb = action.partition(".")
    enum = _ACTIONS.get(subject)
    if enum is not None and verb in enum._value2member_map_:
        member = enum(verb)
        separator = "：" if get_locale() == "zh" else ": "
        return Text(f"{gettext(SUBJECTS[subject])}{separator}{label(member)}")
    return Text(action, code=True)


def subject_label(event: AuditEvent) -> Text:
    name = SUBJECTS.get(event.subject_type)
    suffix = f" #{event.subject_id}" if event.subject_id else ""
    if name is None:
        return Text(f"{event.subject_type}{suffix}", code=True)
    return Text(f"{gettext(name)}{suffix}")


def _value(event: AuditEvent, key: str, value: object) -> Text:
    if isinstance(value, bool):
        return Text(gettext("Yes") if value else gettext("No"))
    if isinstance(value, list):
        parts = [_value(event, key, item) for item in value]
        return Text("、".join(part.text for part in parts), code=any(part.code for part in parts))
    text = str(value)
    states = _STATES.get(event.subject_type)
    if key in ("previous", "status") and states is not None and text in states._value2member_map_:
        return Text(label(states(text)))
    if key == "segment" and text in Segment._value2member_map_:
        return Text(label(Segment(text)))
    if key == "channel" and text in CHANNELS:
        return Text(gettext(CHANNELS[text]))
    if key == "format":
        return Text(text.upper(), code=True)
    if isinstance(value, int | float):
        return Text(text)
    if key in VERBATIM:
        return Text(text, lang=HTML_LANG[written_in(text)])
    return Text(text, code=True)


def details(event: AuditEvent) -> list[tuple[Text, Text]]:
    """The event's details as (what, value) pairs, leaving out empty ones."""
    pairs = []
    for key, value in (event.detail or {}).items():
        if value in (None, "", []):
            continue
        name = Text(gettext(DETAILS[key])) if key in DETAILS else Text(key, code=True)
        pairs.append((name, _value(event, key, value)))
    return pairs
