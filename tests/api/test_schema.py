"""Schemathesis against /api/v1/schema/: generated requests get no 5xx and conform to the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 60


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    # Requests go through the real WSGI handler, which closes the database connection after
    # each request; that would end the test's transaction (Django's test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def generous_rate():
    # The fuzzer sends many requests; 429 is tested on its own (test_http).
    with override_settings(THROTTLE_ANON_RATE="1000000/min"):
        yield


# Loaded through the WSGI application, as a client would fetch it. (schemathesis'
# fixture-based lazy loader does not work with pytest 9 yet, so the schema is loaded here.)
# The search operations have their own run with a search index (tests/search/test_schema.py);
# together the two cover every operation of /api/v1.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application()).exclude(
    path_regex=r"^/api/v1/search/"
)


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_schema(case, world):
    case.call_and_validate()


def test_every_operation_outside_search_is_fuzzed(client, db):
    operations = {result.ok().path for result in schema.get_all_operations()}
    documented = client.get("/api/v1/schema/?format=json").json()["paths"]
    outside_search = {path for path in documented if not path.startswith("/api/v1/search")}
    # Search has its own schema test (tests/search/test_schema.py).
    assert operations == outside_search and len(operations) >= 20


def test_schema_documents_every_endpoint_and_problem_responses(client, db):
    document = client.get("/api/v1/schema/?format=json").json()
    paths = document["paths"]
    for path in (
        "/api/v1/papers/",
        "/api/v1/papers/{slug}/",
        "/api/v1/working-groups/",
        "/api/v1/working-groups/{slug}/",
        "/api/v1/events/",
        "/api/v1/events/{slug}/",
        "/api/v1/organisations/",
        "/api/v1/addressees/",
        "/api/v1/regulatory-projects/",
        "/api/v1/tags/",
        "/api/v1/pages/by-path/",
        "/api/v1/preview/",
    ):
        assert set(paths[path]) == {"get"}, path
    papers = paths["/api/v1/papers/"]["get"]
    names = {parameter["name"] for parameter in papers["parameters"]}
    assert {
        "working_group",
        "tag",
        "paper_type",
        "addressee",
        "level",
        "regulatory_project",
        "status",
        "published_after",
        "published_before",
        "ordering",
        "page",
        "page_size",
    } <= names
    assert "application/problem+json" in papers["responses"]["400"]["content"]
    assert "application/problem+json" in papers["responses"]["429"]["content"]
    assert set(paths["/api/v1/preview/"]["get"]["responses"]) >= {"200", "401", "403", "404"}
    assert client.get("/api/v1/docs/").status_code == 200
