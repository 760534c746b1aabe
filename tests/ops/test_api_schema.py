"""The API against its own OpenAPI document (issue 13, item 5): Schemathesis generates requests for every
operation (valid and invalid parameters) and fails on any 5xx or any answer the document does not allow.
The API is public (no authenticated operations), so it is run as an anonymous client; bounded to a
fixed number of examples per operation so that CI stays within minutes."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from litestar import Litestar

from jobboard.app import create_app
from jobboard.core.settings import Settings
from tests.web.conftest import BASE_URL, Fair

EXAMPLES_PER_OPERATION = 300


@pytest.fixture
def app(settings: Settings) -> Litestar:
    """The board as the web tests have it, also answering the Host Schemathesis's ASGI client sends."""
    return create_app(replace(settings, allowed_hosts=(urlsplit(BASE_URL).hostname or "", "testserver")))


@pytest.fixture
def api_schema(app: Litestar, fair: Fair) -> schemathesis.BaseSchema:
    """The running test board (two firms, a published job, an application) and its OpenAPI document."""
    fair.publish(fair.employer_b, "光电测试工程师", city="长春")
    return schemathesis.openapi.from_asgi("/api/docs/openapi.json", app)


def test_the_api_keeps_to_its_document(api_schema: schemathesis.BaseSchema) -> None:
    # Each operation as a Hypothesis property (Schemathesis's own pytest decorator does not run under
    # pytest 9 yet): valid and invalid requests, every answer checked against the document.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {"/api/jobs", "/api/jobs/{job_id}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
        def keeps_to_the_document(case: schemathesis.Case) -> None:
            case.call_and_validate()

        keeps_to_the_document()
