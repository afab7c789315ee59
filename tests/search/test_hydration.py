"""Hit rows read flat from the database render exactly like the papers of /papers/."""

import datetime as dt

import pytest
from django.test import RequestFactory

from search.hydration import papers_for_hits
from tests.factories import AddresseeFactory
from workgroups.api.serializers.papers import PaperListSerializer
from workgroups.models import Level
from workgroups.selectors import papers_public, public_scope

pytestmark = pytest.mark.django_db


def rendered(rows) -> list[dict]:
    request = RequestFactory().get("/api/v1/search/")
    return [PaperListSerializer(row, context={"request": request}).data for row in rows]


def test_rows_render_like_papers_public(make_paper, make_group, group_security):
    hidden_group = make_group("Arbeitskreis Intern", "intern")
    hidden_group.unpublish()
    bmi = AddresseeFactory(name="Bundesministerium des Innern", slug="bmi", level=Level.BUND)
    land = AddresseeFactory(name="Staatsministerium", slug="smwa", level=Level.LAND)
    first = make_paper(
        "Cloud für Behörden",
        tags=["Verwaltung", "cloud", "Ämter"],
        co_working_groups=[group_security, hidden_group],
        dispatches=[(land, dt.date(2024, 5, 3)), (bmi, dt.date(2024, 5, 2))],
    )
    second = make_paper("Ohne alles", publication_date=None)
    withdrawn_draft = make_paper("Entwurf")
    withdrawn_draft.unpublish()
    scope = public_scope()
    ids = [second.pk, withdrawn_draft.pk, first.pk]

    rows = papers_for_hits(ids=ids, scope=scope)

    assert set(rows) == {first.pk, second.pk}  # the unpublished one is not public
    expected = {p.pk: p for p in papers_public(scope=scope).filter(pk__in=ids)}
    for pk in rows:
        assert rendered([rows[pk]]) == rendered([expected[pk]])
    groups = rendered([rows[first.pk]])[0]["working_groups"]
    assert [g["slug"] for g in groups] == ["software", "it-sicherheit"]


def test_rows_are_kept_per_content_version(
    make_paper, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from cms.versions import content_version
    from search.hydration import papers_for_hits_cached

    paper = make_paper("Cloud für Behörden")
    scope = public_scope()
    version = content_version()
    first = papers_for_hits_cached(ids=[paper.pk], scope=scope, version=version)
    with django_assert_max_num_queries(0):
        again = papers_for_hits_cached(ids=[paper.pk], scope=scope, version=version)
    assert rendered(again.values()) == rendered(first.values())

    # Publishing a change replaces the version: the row is read afresh, with the new title.
    paper.title = "Cloud für Ämter"
    with django_capture_on_commit_callbacks(execute=True):
        paper.save_revision().publish()
    newer = content_version()
    assert newer != version
    rows = papers_for_hits_cached(ids=[paper.pk], scope=public_scope(), version=newer)
    assert rows[paper.pk].title == "Cloud für Ämter"
    # Without a version (uncommitted publish-side changes) nothing comes from the cache.
    stale = papers_for_hits_cached(ids=[paper.pk], scope=scope, version=None)
    assert stale[paper.pk].title == "Cloud für Ämter"


def test_rows_of_one_search_carry_nothing_into_the_next(make_paper, django_assert_max_num_queries):
    from django.core.cache import cache

    from cms.versions import content_version
    from search.hydration import papers_for_hits_cached

    paper = make_paper("Cloud für Behörden")
    scope = public_scope()
    version = content_version()
    first = papers_for_hits_cached(ids=[paper.pk], scope=scope, version=version)
    # What one request puts on its rows (score, highlighted words of its query) ...
    first[paper.pk].search_highlight = {"title": "<mark>Cloud</mark> für Behörden"}
    first[paper.pk].title = "verändert"
    # ... is not on the row the next request gets, even from this process's own copy.
    cache.clear()
    with django_assert_max_num_queries(0):
        second = papers_for_hits_cached(ids=[paper.pk], scope=scope, version=version)
    assert second[paper.pk].title == "Cloud für Behörden"
    assert not hasattr(second[paper.pk], "search_highlight")
