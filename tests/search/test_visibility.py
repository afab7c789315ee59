"""Scope, hidden papers and facet labels kept per content version never outlive a change."""

import pytest
from django.test import Client

from search.visibility import search_visibility
from tests.conftest import DATABASE_TASKS

pytestmark = pytest.mark.django_db


def search(**params) -> dict:
    response = Client().get("/api/v1/search/", {"page_size": 100, **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.fixture
def uncached(settings):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.API_RESPONSE_CACHE_SECONDS = 300


def test_unpublished_paper_leaves_the_next_uncached_search(
    search_engine, uncached, settings, make_paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = make_paper("Cloud im Mittelstand", tags=["Cloud"])
        gone = make_paper("Cloud für Behörden", tags=["Cloud", "Behörden"])
    data = search(q="Cloud")  # the visibility of this content version is kept now
    assert data["count"] == 2

    settings.TASKS = DATABASE_TASKS  # the index keeps the paper until the queue is drained
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()

    data = search(q="Cloud")
    assert data["count"] == 1
    assert [r["id"] for r in data["results"]] == [kept.pk]
    tags = {entry["value"]: entry["count"] for entry in data["facets"]["tag"]}
    assert tags == {"cloud": 1}
    assert gone.pk in search_visibility().hidden_ids


def test_a_renamed_group_is_labelled_by_its_new_name(
    search_engine, uncached, make_paper, group_software, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_paper("Cloud im Mittelstand")
    labels = {e["value"]: e["label"] for e in search(q="Cloud")["facets"]["working_group"]}
    assert labels == {"software": "Arbeitskreis Software"}

    with django_capture_on_commit_callbacks(execute=True):
        group_software.title = "Arbeitskreis Softwareentwicklung"
        group_software.save_revision().publish()

    labels = {e["value"]: e["label"] for e in search(q="Cloud")["facets"]["working_group"]}
    assert labels == {"software": "Arbeitskreis Softwareentwicklung"}
