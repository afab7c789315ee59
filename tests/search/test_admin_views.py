"""The admin report of failed index updates: editors see and replay them, members do not."""

import pytest
from django.urls import reverse
from django.utils import timezone

from search.models import IndexUpdate
from tests.conftest import DATABASE_TASKS
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(settings, group_software):
    settings.TASKS = DATABASE_TASKS
    paper = PositionPaperPageFactory(parent=group_software, title="Hängt fest")
    IndexUpdate.objects.filter(page_id=paper.pk).update(
        state=IndexUpdate.State.FAILED,
        attempts=200,
        last_error="ConnectionError: Elasticsearch nicht erreichbar",
        updated_at=timezone.now(),
    )
    return paper


def test_editors_see_failed_updates_with_page_error_and_the_command(client, editor, failed):
    client.force_login(editor)
    response = client.get(reverse("search_index_updates"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suchindex: fehlgeschlagene Aktualisierungen" in html
    assert f"Hängt fest (#{failed.pk})" in html
    assert "Elasticsearch nicht erreichbar" in html
    assert "Erneut versuchen" in html
    assert "manage.py search_index replay" in html
    assert (
        "Suchindex: fehlgeschlagene Aktualisierungen"
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )  # in the reports menu


def test_the_button_replays_them(client, editor, failed):
    client.force_login(editor)
    response = client.post(reverse("search_index_updates_replay"))
    assert response.status_code == 302
    row = IndexUpdate.objects.get(page_id=failed.pk)
    assert (row.state, row.attempts) == (IndexUpdate.State.PENDING, 0)


def test_working_group_members_neither_see_nor_replay_them(client, member_software, failed):
    client.force_login(member_software)
    # Wagtail answers a denied admin view with a redirect to the dashboard and a message.
    for response in (
        client.get(reverse("search_index_updates")),
        client.post(reverse("search_index_updates_replay")),
    ):
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert IndexUpdate.objects.get(page_id=failed.pk).state == IndexUpdate.State.FAILED
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Suchindex: fehlgeschlagene Aktualisierungen" not in home
