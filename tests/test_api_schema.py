"""Schemathesis fuzzes every operation of the OpenAPI spec, with valid and invalid data: no 5xx comes back.

The spec does not depend on the data, so the operations are listed from an app without a
store; each one is then fuzzed against the app over the sample store.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from test_api_corpus import sample_docs, sample_store  # noqa: F401  (fixtures)

from newsgraph.app import create_app

OPERATIONS = sorted(
    f"{method.upper()} {path}" for path, methods in create_app(None).openapi()["paths"].items() for method in methods
)


@pytest.fixture(scope="module")
def api_schema(sample_store):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(sample_store))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_request_makes_the_server_fail(api_schema, label, mode):
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call()
        assert response.status_code < 500, f"{label} {case.path_parameters} {case.query}: {response.text[:300]}"
        if response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code

    call()
