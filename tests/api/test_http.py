"""HTTP behaviour: CORS for configured origins only, anonymous throttling, read-only API."""

import pytest
from django.conf import settings
from django.test import override_settings

from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db

FRONTEND = settings.FRONTEND_URL


@pytest.mark.parametrize("url", ["/api/v1/papers/", "/feeds/papers.atom"])
def test_cors_allows_the_configured_frontend(client, world, url):
    response = client.get(url, HTTP_ORIGIN=FRONTEND)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    preflight = client.options(url, HTTP_ORIGIN=FRONTEND, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight["Access-Control-Allow-Origin"] == FRONTEND
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("url", ["/api/v1/papers/", "/feeds/papers.atom"])
def test_cors_refuses_other_origins(client, world, url):
    response = client.get(url, HTTP_ORIGIN="https://fremd.example")
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        url, HTTP_ORIGIN="https://fremd.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_cors_origins_come_from_settings(client, world):
    with override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"]):
        allowed = client.get("/api/v1/papers/", HTTP_ORIGIN="https://partner.example")
        assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
        refused = client.get("/api/v1/papers/", HTTP_ORIGIN=FRONTEND)
        assert "Access-Control-Allow-Origin" not in refused


def test_no_cors_outside_api_and_feeds(client, world):
    response = client.get("/admin/login/", HTTP_ORIGIN=FRONTEND)
    assert "Access-Control-Allow-Origin" not in response


def _throttled(rate):
    return override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": rate}}
    )


def test_anonymous_throttling_answers_429_with_retry_after(client, world):
    with _throttled("3/min"):
        for _ in range(3):
            assert client.get("/api/v1/papers/").status_code == 200
        # Cached answers count too: the throttle runs before the cache.
        response = client.get("/api/v1/papers/")
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert 0 < int(response["Retry-After"]) <= 60
        body = response.json()
        assert body["status"] == 429 and body["title"] == "Zu viele Anfragen"
        # Another client address has its own budget.
        assert client.get("/api/v1/tags/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_default_rate_is_generous_enough_for_a_page_view(client, world):
    for _ in range(10):
        assert client.get("/api/v1/papers/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/papers/",
        "/api/v1/papers/papier-alpha/",
        "/api/v1/working-groups/",
        "/api/v1/events/",
        "/api/v1/tags/",
        "/api/v1/pages/by-path/?path=/",
        "/api/v1/preview/",
    ],
)
def test_there_are_no_write_endpoints(client, world, url):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            url, data={"title": "x"}, content_type="application/json"
        )
        assert response.status_code == 405, method
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 405
        assert "POST" not in response["Allow"] and "GET" in response["Allow"]
    assert get_json(client, "/api/v1/papers/")["count"] == 2


def test_feed_is_read_only(client, world):
    assert client.post("/feeds/papers.atom").status_code == 405
