"""HTTP behaviour: CORS for configured origins only, anonymous throttling, read-only API, errors."""

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
    return override_settings(THROTTLE_ANON_RATE=rate)


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


def _public_document(title="Oeffentlich"):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from workgroups.access.public import released_collection_ensure

    # Public because the editors released it (a file no public page uses is not).
    document = get_document_model()(title=title, collection=released_collection_ensure())
    document.file.save(f"{title}.txt", ContentFile(b"Inhalt"), save=False)
    document.save()
    return document


@pytest.mark.parametrize("kind", ["feed", "document", "unknown api path"])
def test_feeds_documents_and_every_api_path_are_throttled(client, world, kind):
    url = {
        "feed": "/feeds/papers.atom",
        "document": _public_document().url if kind == "document" else "",
        "unknown api path": "/api/gibt-es-nicht/",
    }[kind]
    expected = 404 if kind == "unknown api path" else 200
    with _throttled("2/min"):
        for _ in range(2):
            assert client.get(url).status_code == expected
        response = client.get(url)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 60


def test_api_feeds_and_documents_share_one_anonymous_budget(client, world):
    document = _public_document()
    with _throttled("2/min"):
        assert client.get("/api/v1/papers/").status_code == 200
        assert client.get("/feeds/papers.atom").status_code == 200
        assert client.get(document.url).status_code == 429
        assert client.get("/healthz").status_code == 200


def test_signed_in_editors_are_not_counted_against_the_anonymous_budget(client, world, editor):
    client.force_login(editor)
    document = _public_document()
    with _throttled("2/min"):
        for _ in range(4):
            assert client.get("/admin/api/main/pages/?child_of=1").status_code == 200
            assert client.get("/api/v1/papers/").status_code == 200
            assert client.get(document.url).status_code == 200
        client.logout()
        assert [client.get("/api/v1/papers/").status_code for _ in range(3)] == [200, 200, 429]


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_spoofed_forwarded_for_does_not_buy_a_new_budget(client, world):
    # Caddy (the one trusted proxy) appends the address it saw; what is left of it is the
    # client's own claim.
    with _throttled("2/min"):
        statuses = [
            client.get(
                "/api/v1/papers/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}, 203.0.113.5"
            ).status_code
            for i in range(3)
        ]
        assert statuses == [200, 200, 429]
        other = client.get("/api/v1/papers/", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.6")
        assert other.status_code == 200


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_trusted_proxies_forwarded_for_is_ignored(client, world):
    with _throttled("2/min"):
        statuses = [
            client.get("/api/v1/papers/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
            for i in range(3)
        ]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/papers/?page=²",
        "/api/v1/papers/?page=٣",
        "/api/v1/papers/?page_size=²",
        "/api/v1/working-groups/?page=²",
        "/api/v1/events/?page=²",
        "/api/v1/organisations/?page=²",
        "/api/v1/addressees/?page=²",
        "/api/v1/regulatory-projects/?page=²",
        "/api/v1/tags/?page=²",
        "/api/v1/search/?q=Papier&page=²",
        "/api/v1/search/?q=Papier&page_size=²",
    ],
)
def test_page_numbers_with_non_ascii_digits_are_a_400(client, world, url):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] in {"page", "page_size"}


@pytest.mark.parametrize("endpoint", ["pages/?child_of=1", "documents/", "images/"])
def test_wagtails_admin_api_answers_signed_in_people(client, group_software, editor, endpoint):
    # The working group's internal collection is view-restricted: Wagtail asks the request's
    # user whether it may see it (that user was None under the former global DRF settings).
    client.force_login(editor)
    response = client.get(f"/admin/api/main/{endpoint}")
    assert response.status_code == 200, response.content[:300]
    assert "items" in response.json()


def test_a_foreign_host_under_api_is_a_problem(client, world):
    response = client.get("/api/v1/papers/", HTTP_HOST="angreifer.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400 and response.json()["instance"] == "/api/v1/papers/"


@pytest.mark.parametrize("url", ["/api/v1/gibt-es-nicht/", "/api/gibt-es-nicht/", "/api/"])
@pytest.mark.parametrize("debug", [False, True])
def test_unknown_api_paths_are_problems_also_with_debug(client, world, settings, url, debug):
    settings.DEBUG = debug
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Diese Adresse gibt es in der API nicht."


def test_outside_the_api_errors_stay_html(client, world):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("page", "status"),
    [
        ("7952663341154713993216", 404),
        ("9" * 5000, 404),
        ("0" * 5000 + "1", 200),
        ("0", 400),
        ("000", 400),
    ],
)
def test_huge_or_zero_page_numbers_are_answered_not_crashed(client, world, page, status):
    response = client.get(f"/api/v1/papers/?page={page}")
    assert response.status_code == status, response.content[:300]
    if status != 200:
        assert response["Content-Type"] == "application/problem+json"


def test_a_huge_page_size_is_a_400(client, world):
    response = client.get(f"/api/v1/papers/?page_size={'9' * 5000}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "page_size"
