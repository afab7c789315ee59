"""Headless preview: the admin's preview opens the frontend with a signed, short-lived token."""

import re
import time
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core import signing
from django.test import override_settings
from wagtail_headless_preview.models import PagePreview

from tests.api.conftest import get_json
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v1/preview/"


def _draft(paper, title):
    paper.title = title
    paper.summary = f"{title}: Zusammenfassung"
    return paper


def test_admin_preview_opens_the_frontend_with_a_token_that_shows_the_draft(client, world, editor):
    _draft(world.alpha, "Alpha im Entwurf").save_revision(user=editor)
    client.force_login(editor)
    admin = client.get(f"/admin/pages/{world.alpha.pk}/view_draft/")
    assert admin.status_code == 200
    match = re.search(r'<iframe[^>]+src="([^"]+)"', admin.content.decode())
    assert match, admin.content.decode()[:500]
    preview_url = unescape(match.group(1))
    assert preview_url.startswith(f"{settings.FRONTEND_URL}/api/preview/?")
    query = parse_qs(urlsplit(preview_url).query)
    assert query["content_type"] == ["workgroups.positionpaperpage"]
    client.logout()

    # The frontend calls the API with exactly what Wagtail gave it; no login needed.
    response = client.get(
        PREVIEW, {"token": query["token"][0], "content_type": query["content_type"][0]}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    data = response.json()
    assert data["type"] == "paper"
    assert data["page"]["title"] == "Alpha im Entwurf"
    assert data["page"]["slug"] == "papier-alpha"
    assert data["page"]["url"] == "/arbeitskreise/software/papier-alpha/"
    assert [g["slug"] for g in data["page"]["working_groups"]] == ["software"]
    assert [t["slug"] for t in data["page"]["tags"]] == ["cloud", "datenschutz"]
    # The public API still shows the published version.
    assert get_json(client, "/api/v1/papers/papier-alpha/")["title"] == "Papier Alpha"


def test_preview_of_a_never_published_paper(client, world):
    paper = PositionPaperPageFactory(parent=world.software, slug="entwurf", publish=False)
    preview = _draft(paper, "Nur Entwurf").create_page_preview()
    data = get_json(client, f"{PREVIEW}?token={preview.token}")
    assert data["page"]["title"] == "Nur Entwurf"
    assert client.get("/api/v1/papers/entwurf/").status_code == 404


@pytest.mark.parametrize(("page", "kind"), [("software", "working_group"), ("event", "event")])
def test_preview_of_groups_and_events(client, world, page, kind):
    target = getattr(world, page)
    target.title = "Vorschau-Titel"
    preview = target.create_page_preview()
    data = get_json(client, f"{PREVIEW}?token={preview.token}")
    assert (
        data["type"] == kind
        and data["page"]["title" if kind == "event" else "name"] == "Vorschau-Titel"
    )


def test_missing_token_is_401(client, world):
    for url in (PREVIEW, f"{PREVIEW}?token="):
        response = client.get(url)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert "WWW-Authenticate" in response


def test_tampered_token_is_403(client, world):
    token = world.alpha.create_page_preview().token
    value, _timestamp, signature = token.rsplit(":", 2)
    other_page = token.replace(value, f"id={world.beta.pk}")
    for forged in (token[:-2] + "xx", other_page, "id=1:abc:def", "kein-token"):
        response = client.get(PREVIEW, {"token": forged})
        assert response.status_code == 403, forged
        assert response.json()["status"] == 403


def test_expired_token_is_403(client, world):
    # A token signed two hours ago, exactly as wagtail-headless-preview signs them.
    issued = signing.b62_encode(int(time.time()) - 2 * 3600)
    token = signing.Signer(salt="headlesspreview.token").sign(f"id={world.alpha.pk}:{issued}")
    PagePreview.objects.create(
        token=token, content_type=world.alpha.content_type, content_json=world.alpha.to_json()
    )
    response = client.get(PREVIEW, {"token": token})
    assert response.status_code == 403
    assert "abgelaufen" in response.json()["detail"]
    with override_settings(PREVIEW_TOKEN_MAX_AGE=3 * 3600):
        assert client.get(PREVIEW, {"token": token}).status_code == 200


def test_valid_token_without_preview_is_404(client, world):
    token = world.alpha.create_page_preview().token
    PagePreview.objects.filter(token=token).delete()
    assert client.get(PREVIEW, {"token": token}).status_code == 404


def test_content_type_must_match(client, world):
    token = world.alpha.create_page_preview().token
    response = client.get(PREVIEW, {"token": token, "content_type": "workgroups.eventpage"})
    assert response.status_code == 400
    assert "content_type" in response.json()["detail"]
