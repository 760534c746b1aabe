"""Hostile edges (issue 13, item 4): numbers past what a database column holds, in URLs and forms."""

from __future__ import annotations

from litestar import Litestar

from tests.ops.conftest import Fair

HUGE = (2**31, 2**63, 10**30)  # past PostgreSQL's INTEGER, past SQLite's, past both by far


def int_routes(app: Litestar) -> list[tuple[str, str]]:
    """(method, URL pattern) of every route with an ``{…:int}`` part; ``{n}`` marks where the ids go."""
    routes = []
    for route in app.routes:
        if not any(parameter.type is int for parameter in route.path_parameters.values()):
            continue
        url = route.path
        for parameter in route.path_parameters.values():
            url = url.replace("{" + parameter.full + "}", "{n}" if parameter.type is int else "approve")
        routes.extend(
            (method, url) for method in sorted(getattr(route, "methods", ())) if method in ("GET", "POST")
        )
    return routes


def test_an_id_too_large_for_the_database_is_no_such_record(app: Litestar, fair: Fair) -> None:
    routes = int_routes(app)
    assert len(routes) > 15
    wrong = []
    for person in (fair.staff, fair.employer_a, fair.seeker):
        for method, pattern in routes:
            for number in HUGE:
                url = pattern.format(n=number)
                answer = person.get(url) if method == "GET" else person.post(url, {})
                if answer.status_code not in (403, 404):
                    wrong.append(f"{method} {url}: {answer.status_code}")
    assert wrong == []


def test_a_number_too_large_in_a_query_or_form_is_a_clear_400(fair: Fair) -> None:
    for number in HUGE:
        export = fair.staff.get(f"/exports/applicants.csv?company={number}")
        assert export.status_code == 400 and "text/html" in export.headers["content-type"]
        assert "数值太大" in export.text  # beside the field, in the reader's language
        api = fair.staff.get(f"/api/jobs?company={number}")
        assert api.status_code == 400 and api.headers["content-type"].startswith("application/")
        assert fair.staff.get(f"/jobs?salary_min={number}").status_code == 400
    assert fair.staff.get(f"/staff/audit?page={10**30}").status_code == 200  # the last page, as any past it
