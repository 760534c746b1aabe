"""A field whose column is empty (no deadline, negotiable salary) comes back empty, never as "None"."""

from __future__ import annotations

import re

from jobboard.core.i18n import locale_scope
from jobboard.web.forms import Form
from jobboard.web.templates import create_environment
from tests.web.conftest import Fair
from tests.web.test_jobs import _job


def test_the_edit_form_of_a_job_without_deadline_or_salary_shows_empty_fields(fair: Fair) -> None:
    assert (
        fair.employer_a.post_job("面议岗位", salary_min="", salary_max="", salary_months="").status_code
        == 200
    )
    job = _job(fair.app, "面议岗位")
    assert job.deadline is None and job.salary_min is None
    html = fair.employer_a.get(f"/employer/jobs/{job.id}/edit").text
    assert 'value="None"' not in html and ">None<" not in html
    for name in ("deadline", "salary_min", "salary_max"):
        assert re.search(rf'<input id="f-{name}" name="{name}" type="\w+" value=""', html), name


def test_every_form_macro_shows_a_null_as_empty() -> None:
    template = create_environment().from_string(
        '{% from "macros.html" import field, textarea, select %}'
        '{{ field(form, "deadline", "Deadline", type="date") }}{{ textarea(form, "requirements", "Req") }}'
        '{{ select(form, "education", "Education", ["any", "bachelor"]) }}'
    )
    with locale_scope("en"):
        html = template.render(form=Form(values={"deadline": None, "requirements": None, "education": None}))
    assert "None" not in html
    assert 'value=""' in html and "></textarea>" in html and "selected" not in html
