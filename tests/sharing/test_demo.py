"""The share links' demo step: a draft paper with one active link, idempotent."""

import pytest
from django.test import Client

from sharing.demo import DEMO_SLUG, share_links_demo_load
from sharing.models import ShareLink
from workgroups.models import PositionPaperPage
from workgroups.services.demo import DEMO_STEPS, DemoLoad

pytestmark = pytest.mark.django_db


def _load(group):
    load = DemoLoad(data={}, with_users=True, progress=lambda items, label: items)
    load.of("working_groups")["software"] = group
    share_links_demo_load(load)
    return load


def test_demo_step_is_registered():
    assert [step.run for step in DEMO_STEPS if step.name == "share_links"] == [
        share_links_demo_load
    ]


def test_demo_step_shares_a_draft_with_an_active_link_once(group_software, editor, settings):
    first = _load(group_software)
    url = first.of("share_links")["demo"]
    assert url.startswith(f"{settings.FRONTEND_URL.rstrip('/')}/vertraulich/")
    paper = PositionPaperPage.objects.get(slug=DEMO_SLUG)
    assert not paper.live
    token = url.rstrip("/").rsplit("/", 1)[1]
    client = Client()
    response = client.get(f"/api/v1/shared-drafts/{token}/")
    assert response.status_code == 200
    assert response.json()["page"]["title"] == paper.get_latest_revision_as_object().title
    assert client.get(f"/api/v1/papers/{DEMO_SLUG}/").status_code == 404

    second = _load(group_software)
    assert ShareLink.objects.count() == 1
    assert PositionPaperPage.objects.filter(slug=DEMO_SLUG).count() == 1
    assert "besteht bereits" in second.of("share_links")["demo"]


def test_demo_step_without_users_creates_nothing(group_software):
    _load(group_software)
    assert not ShareLink.objects.exists()
    assert not PositionPaperPage.objects.filter(slug=DEMO_SLUG).exists()
