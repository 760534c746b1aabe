"""What each error code says to a person. Codes come from services and from pydantic validation."""

from __future__ import annotations

from jobboard.core.i18n import N_, gettext

FIELD_ERRORS: dict[str, str] = {
    "missing": N_("This field is required."),
    "string_too_short": N_("This is too short."),
    "password.string_too_short": N_("Use at least 8 characters."),
    "email.value_error": N_("Enter a valid e-mail address."),
    "contact_email.value_error": N_("Enter a valid e-mail address."),
    "website.value_error": N_("Enter a web address starting with http:// or https://."),
    "string_too_long": N_("This is too long."),
    "string_pattern_mismatch": N_("This contains characters that are not allowed."),
    "value_error": N_("This value is not valid."),
    "int_parsing": N_("Enter a whole number."),
    "int_type": N_("Enter a whole number."),
    "greater_than_equal": N_("This number is too small."),
    "less_than_equal": N_("This number is too large."),
    "enum": N_("Choose one of the options."),
    "literal_error": N_("Choose one of the options."),
    "date_from_datetime_parsing": N_("Enter a date as YYYY-MM-DD."),
    "date_parsing": N_("Enter a date as YYYY-MM-DD."),
    "date_type": N_("Enter a date as YYYY-MM-DD."),
    "date_range_reversed": N_("The end date cannot be before the start date."),
    "salary_range_incomplete": N_("Give both ends of the salary range, or neither (negotiable)."),
    "salary_range_reversed": N_("The highest salary must not be below the lowest."),
    "language_incomplete": N_(
        "Give the job title and the responsibilities in Chinese, or both in English (a firm may post in"
        " English only)."
    ),
    "email_taken": N_("An account with this e-mail address already exists."),
    "company_exists": N_("A company with this name is already registered."),
    "reason_required": N_("Please give a reason; the employer will see it."),
    "deadline_in_past": N_("The deadline must not be in the past."),
    "job_not_editable": N_("This job can no longer be edited."),
    "password_mismatch": N_("The two passwords differ."),
    "password_common": N_("This is one of the commonest passwords, which are guessed first: choose another."),
    "password_wrong": N_("This is not your current password."),
    "consent_required": N_("You must agree to send your resume to this company."),
    "resume_missing": N_("Choose a PDF file with your resume."),
    "resume_not_pdf": N_("This file is not a PDF document."),
    "resume_active_content": N_(
        "This PDF contains scripts, actions or attached files, which the board does not accept. Save it"
        " again as a plain PDF (for example with “Print” → “Save as PDF”) and send that."
    ),
    "resume_too_large": N_("The resume must be at most 5 MB."),
    "resume_empty": N_("The file is empty."),
    "profile_incomplete": N_("Please give your name in your profile before applying."),
    "login_failed": N_("Wrong e-mail address or password."),
    "website_scheme": N_(
        "Only web addresses (http:// or https://) can be linked; enter one such as www.example.cn."
    ),
    "website_invalid": N_("Enter a web address such as www.example.cn."),
    "credit_code_invalid": N_(
        "A unified social credit code has 18 digits and capital letters and ends in its check character: "
        "copy it from the business licence."
    ),
    "credit_code_taken": N_("A company with this unified social credit code is already registered."),
    "booth_taken": N_("Another company already holds this booth number. Check it with the fair staff."),
    "interview_time_invalid": N_("Enter the interview's date and time, such as 2026-12-05 14:30."),
    "interview_in_past": N_("The interview's time must be in the future."),
    "phone_invalid": N_(
        "Enter a mainland mobile number (11 digits, starting with 1) or an international number"
        " starting with + and the country code."
    ),
    "invitee_other_firm": N_(
        "This address belongs to a member of another company: they must leave that company's team first."
    ),
    "invitee_not_employer": N_(
        "This address belongs to a job seeker's or the fair staff's account; invite a work address instead."
    ),
    "invitee_member": N_("This person is already a member of the team."),
}

PAGE_ERRORS: dict[str, str] = {
    "not_found": N_("This page does not exist, or it is no longer public."),
    "forbidden": N_("You are not allowed to do this."),
    "conflict": N_("This conflicts with what is already stored."),
    "already_applied": N_("You have already applied for this job."),
    "job_not_open": N_("This job is not open for applications."),
    "company_not_approved": N_("Your company has not been approved yet."),
    "transition_not_allowed": N_("This step is not possible in the current state."),
    "csrf": N_("The form expired or was sent from elsewhere. Please reload the page and try again."),
    "invalid_input": N_("Some of the input is not valid."),
    "bad_request": N_("The request is not valid."),
    "too_large": N_("The upload is too large."),
    "server_error": N_("Something went wrong on our side. Please try again."),
    "rate_limited": N_("Too many attempts. Please wait a few minutes and try again."),
    "unavailable": N_("The service is busy or under maintenance. Please try again in a moment."),
    "unauthorized": N_("Please log in first."),
    "no_employer_company": N_("This account does not belong to a company."),
    "invitation_invalid": N_(
        "This invitation link is not valid: it was revoked, replaced by a newer mail, or mistyped."
    ),
    "invitation_used": N_("This invitation link was already used. Log in with the password you chose."),
    "invitation_expired": N_("This invitation link has expired. Ask the company's owner to send it again."),
    "last_owner": N_("The last owner cannot leave: hand over the ownership to a member first."),
    "already_owner": N_("This member already owns the company."),
    "invitee_other_firm": N_("This account already belongs to another company."),
    "invitee_not_employer": N_("This address belongs to a job seeker's or the fair staff's account."),
    "invitee_member": N_("This person is already a member of the team."),
    "stop_link_invalid": N_(
        "This link to stop mails is not valid. Choose your mails in your account instead."
    ),
}


def field_error_text(field: str, code: str) -> str:
    message = FIELD_ERRORS.get(f"{field}.{code}") or FIELD_ERRORS.get(code) or FIELD_ERRORS["value_error"]
    return gettext(message)


def page_error_text(code: str) -> str:
    return gettext(PAGE_ERRORS.get(code, PAGE_ERRORS["bad_request"]))
