"""Shared drafts never show through the public API's lists, search, feeds or schema listing."""

import pytest
from django.test import override_settings

from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

MARKER = "geheimteilen"


@pytest.fixture
def shared(client, group_software, make_link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        live = PositionPaperPageFactory(
            parent=group_software, title="Datenschutz öffentlich", slug="oeffentlich"
        )
        live.title = f"Datenschutz {MARKER} Entwurf"
        live.summary = f"{MARKER} Zusammenfassung"
        live.save_revision()
        never = PositionPaperPageFactory(
            parent=group_software,
            title=f"Datenschutz {MARKER} neu",
            slug="neuer-entwurf",
            publish=False,
        )
        never.save_revision()
    tokens = [make_link(live)[1], make_link(never)[1]]
    for token in tokens:
        response = client.get(f"/api/v1/shared-drafts/{token}/")
        assert response.status_code == 200 and MARKER in response.content.decode()
    return tokens


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/papers/",
        "/api/v1/papers/oeffentlich/",
        "/api/v1/papers/neuer-entwurf/",
        f"/api/v1/search/?q={MARKER}",
        "/api/v1/search/?q=Datenschutz",
        f"/api/v1/search/suggest/?q={MARKER[:6]}",
        "/api/v1/working-groups/software/",
        "/api/v1/tags/",
        "/api/v1/pages/by-path/?path=/arbeitskreise/software/neuer-entwurf/",
        "/feeds/papers.atom",
    ],
)
@override_settings(API_RESPONSE_CACHE_SECONDS=300)
def test_no_public_answer_contains_a_shared_draft_or_its_token(client, shared, path):
    response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    text = response.content.decode()
    assert MARKER not in text
    for token in shared:
        assert token not in text
    assert "shared-drafts" not in text and "vertraulich" not in text


def test_the_api_schema_describes_the_route_without_listing_any_link(client, shared):
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    text = schema.content.decode()
    assert "/api/v1/shared-drafts/{token}/" in text
    for token in shared:
        assert token not in text
