"""Schemathesis over the search operations of /api/v1/schema/: no 5xx, no schema violations."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from search.backends.base import MAX_RESULT_WINDOW

pytestmark = pytest.mark.django_db


def accepts_valid_data_within_the_result_window(ctx, response, case):
    """Schemathesis' positive-data check, minus the one rule OpenAPI cannot express.

    `page × page_size ≤ 10 000` spans two parameters; beyond it the API answers 400 as the
    contract demands (the parameter description says so). Any other rejection of
    schema-valid input fails the test.
    """
    if response.status_code == 400 and case.query:
        page = int(case.query.get("page", 1))
        size = int(case.query.get("page_size", 20))
        if page * size > MAX_RESULT_WINDOW:
            assert "page" in response.json()["detail"]
            return None
    if response.status_code >= 400 and response.status_code not in (404, 429):
        raise AssertionError(
            f"valid request rejected with {response.status_code}: {response.text[:300]}"
        )
    return None


@pytest.fixture
def search_schema(search_engine, make_paper, settings):
    from django.core.wsgi import get_wsgi_application

    settings.THROTTLE_ANON_RATE = "100000/min"
    make_paper("Fachkräfte für die Cloud", text="Die digitale Verwaltung braucht Fachkräfte.")
    make_paper("Breitband <b>überall</b>", text="Glasfaser & 5G für Sachsen.", tags=["Breitband"])
    # Like Django's test client: keep the test's database connection (and transaction)
    # open across requests instead of closing it when each request starts and finishes.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
        yield schema.include(path_regex=r"^/api/v1/search/")
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_search_operations_conform_to_the_schema(search_schema):
    operations = [result.ok() for result in search_schema.get_all_operations()]
    assert {op.path for op in operations} == {
        "/api/v1/search/",
        "/api/v1/search/suggest/",
        "/api/v1/search/clicks/",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=80,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        def check(case):
            response = case.call()
            assert response.status_code < 500, response.text[:500]
            case.validate_response(
                response,
                excluded_checks=[positive_data_acceptance],
                additional_checks=[accepts_valid_data_within_the_result_window],
            )

        check()
