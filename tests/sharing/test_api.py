"""The shared draft in the API: only for a valid token, logged without IP, never cached."""

import datetime as dt

import pytest
from django.utils import timezone

from sharing.models import ShareLinkAccess
from sharing.services import share_link_revoke
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _url(token):
    return f"/api/v1/shared-drafts/{token}/"


def _assert_never_cached(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control and "ETag" not in response


def test_a_valid_token_shows_the_latest_draft_like_the_preview(client, paper, make_link):
    link, token = make_link(paper)
    response = client.get(
        _url(token), REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert response.status_code == 200, response.content
    _assert_never_cached(response)
    data = response.json()
    assert data["type"] == "paper"
    assert data["page"]["title"] == "Geheimer Entwurf zur Cloud"
    assert data["page"]["summary"] == "Entwurfsfassung der Zusammenfassung"
    assert data["page"]["url"] == "/arbeitskreise/software/cloud-papier/"
    assert [g["slug"] for g in data["page"]["working_groups"]] == ["software"]
    assert data["share"]["recipient_name"] == "Petra Presse"
    assert data["share"]["recipient_organisation"] == "Leipziger Tageblatt"
    assert "recipient_email" not in data["share"]
    # The public API still has the published title.
    assert client.get("/api/v1/papers/cloud-papier/").json()["title"] == "Öffentlicher Titel"


def test_each_access_is_logged_with_time_and_link_only(client, paper, make_link):
    link, token = make_link(paper)
    before = timezone.now()
    for _ in range(2):
        assert client.get(_url(token), REMOTE_ADDR="203.0.113.7").status_code == 200
    accesses = list(ShareLinkAccess.objects.order_by("pk"))
    assert [a.link_id for a in accesses] == [link.pk, link.pk]
    assert all(before <= a.accessed_at <= timezone.now() for a in accesses)
    # Nothing about the visitor is kept: no column for it, no address in any value.
    assert {f.name for f in ShareLinkAccess._meta.get_fields()} == {"id", "link", "accessed_at"}
    assert "203.0.113.7" not in repr(list(ShareLinkAccess.objects.values()))


def test_unknown_and_malformed_tokens_are_404_problems(client, paper, make_link):
    _link, token = make_link(paper)
    for bad in ["x" * 43, "kurz", token[:-2] + "__"]:
        response = client.get(_url(bad))
        assert response.status_code == 404
        assert response["Content-Type"].startswith(PROBLEM)
        _assert_never_cached(response)
        assert "Entwurf" not in response.content.decode()
    assert not ShareLinkAccess.objects.exists()


def test_an_expired_link_is_410(client, paper, make_link, time_machine=None):
    link, token = make_link(paper, days=0)
    assert client.get(_url(token)).status_code == 200
    link.expires_at = timezone.now() - dt.timedelta(seconds=1)
    link.save(update_fields=["expires_at"])
    response = client.get(_url(token))
    assert response.status_code == 410
    assert response["Content-Type"].startswith(PROBLEM)
    body = response.json()
    assert body["detail"] == "Dieser Link ist abgelaufen oder wurde zurückgezogen."
    assert body["title"] == "Nicht mehr verfügbar"
    assert body["type"].endswith("link-abgelaufen")
    assert "Geheimer Entwurf" not in response.content.decode()
    _assert_never_cached(response)
    assert ShareLinkAccess.objects.count() == 1


def test_a_revoked_link_is_410_at_once(client, paper, make_link, editor):
    link, token = make_link(paper)
    assert client.get(_url(token)).status_code == 200
    share_link_revoke(link=link, user=editor)
    response = client.get(_url(token))
    assert response.status_code == 410
    assert response.json()["type"].endswith("link-zurueckgezogen")
    assert "Geheimer Entwurf" not in response.content.decode()


def test_a_scheduled_paper_is_shared_until_it_goes_live(client, group_software, make_link):
    go_live = timezone.now() + dt.timedelta(days=3)
    paper = PositionPaperPageFactory(
        parent=group_software,
        title="Unter Sperrfrist",
        slug="sperrfrist",
        publish=False,
        go_live_at=go_live,
    )
    paper.save_revision().publish()
    link, token = make_link(paper, days=3)
    assert client.get("/api/v1/papers/sperrfrist/").status_code == 404
    response = client.get(_url(token))
    assert response.status_code == 200
    assert response.json()["page"]["title"] == "Unter Sperrfrist"
    assert response.json()["share"]["expires_at"] == timezone.localtime(go_live).isoformat()


def test_a_never_published_draft_can_be_shared(client, group_software, make_link):
    paper = PositionPaperPageFactory(
        parent=group_software, title="Nur ein Entwurf", slug="nur-entwurf", publish=False
    )
    paper.save_revision()
    _link, token = make_link(paper)
    response = client.get(_url(token))
    assert response.status_code == 200
    assert response.json()["page"]["title"] == "Nur ein Entwurf"
    assert response.json()["page"]["url"] == "/arbeitskreise/software/nur-entwurf/"


def test_the_response_is_not_served_from_the_api_cache(client, paper, make_link, settings):
    # With the shared response cache on, a second request after revocation must not get
    # the first answer back.
    settings.API_RESPONSE_CACHE_SECONDS = 300
    link, token = make_link(paper)
    assert client.get(_url(token)).status_code == 200
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    assert client.get(_url(token)).status_code == 410


def test_only_get_is_allowed(client, paper, make_link):
    _link, token = make_link(paper)
    response = client.post(_url(token), {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"].startswith(PROBLEM)
