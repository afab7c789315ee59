"""Only live, public content reaches the index, driven by publish-side events (both backends)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.content import EVENT, KINDS, PAPER, WORKING_GROUP
from tests.factories import (
    AddresseeFactory,
    EventPageFactory,
    MinutesPageFactory,
    PositionPaperPageFactory,
)
from workgroups.models import MinutesIndexPage

pytestmark = pytest.mark.django_db


def found(q: str) -> list[str]:
    response = Client().get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    return [r["title"] for r in response.json()["results"]]


def indexed(engine, kind: str = PAPER) -> set[int]:
    return set(engine.indexed_fingerprints(kind=kind))


def everything_indexed(engine) -> set[int]:
    return set().union(*(indexed(engine, kind) for kind in KINDS))


def test_publish_indexes_papers_groups_and_events(search_engine, make_paper, event_index):
    paper = make_paper("Zebrafische im Rechenzentrum")
    event = EventPageFactory(parent=event_index, title="Zebrafisch-Workshop", slug="zebra")

    assert found("Zebrafisch") == ["Zebrafische im Rechenzentrum"]
    assert paper.pk in indexed(search_engine, PAPER)
    assert event.pk in indexed(search_engine, EVENT)
    assert paper.get_parent().pk in indexed(search_engine, WORKING_GROUP)


def test_a_saved_draft_never_reaches_the_index(search_engine, make_paper):
    paper = make_paper("Zebrafische", text="Altes Wort Seegurke.")
    before = search_engine.indexed_fingerprints(kind=PAPER)[paper.pk]

    paper.title = "Quallen"
    paper.body = []
    paper.save_revision()  # a draft: saving it writes the page row, but nothing is published

    assert found("Quallen") == []
    assert found("Seegurke") == ["Zebrafische"]
    assert search_engine.indexed_fingerprints(kind=PAPER)[paper.pk] == before


def test_a_never_published_page_is_not_indexed(search_engine, group_software):
    draft = PositionPaperPageFactory(
        parent=group_software, title="Geheimer Seeigel", slug="seeigel", publish=False
    )
    draft.save_revision()

    assert found("Seeigel") == []
    assert draft.pk not in everything_indexed(search_engine)


def test_private_sections_are_never_indexed(search_engine, make_paper, group_software):
    restriction = PageViewRestriction.objects.create(
        page=group_software, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    paper = make_paper("Seepferdchen im Verborgenen")
    assert found("Seepferdchen") == []
    assert paper.pk not in indexed(search_engine)
    assert group_software.pk not in indexed(search_engine, WORKING_GROUP)

    restriction.delete()  # the section becomes public: its pages join the index
    assert found("Seepferdchen") == ["Seepferdchen im Verborgenen"]

    PageViewRestriction.objects.create(
        page=group_software, restriction_type=PageViewRestriction.LOGIN
    )
    assert found("Seepferdchen") == []
    assert paper.pk not in indexed(search_engine)


def test_minutes_are_never_indexed(search_engine, group_software):
    index = MinutesIndexPage.objects.child_of(group_software).get()
    minutes = MinutesPageFactory(parent=index, title="Sitzung Seestern", slug="seestern")

    assert minutes.live
    assert minutes.pk not in everything_indexed(search_engine)
    assert index.pk not in everything_indexed(search_engine)


def test_a_scheduled_revision_is_not_indexed_before_it_goes_live(search_engine, make_paper):
    paper = make_paper("Korallenriff", text="Heute gilt: Korallen.")
    paper.title = "Tiefsee"
    paper.go_live_at = timezone.now() + dt.timedelta(days=3)
    paper.save_revision().publish()

    assert found("Tiefsee") == []
    assert found("Korallenriff") == ["Korallenriff"]


def test_unpublish_and_delete_remove_documents(search_engine, make_paper):
    paper = make_paper("Seeanemone")
    other = make_paper("Seeanemone zwei")

    paper.unpublish()
    assert found("Seeanemone") == ["Seeanemone zwei"]
    assert paper.pk not in indexed(search_engine)

    paper.save_revision().publish()
    assert sorted(found("Seeanemone")) == ["Seeanemone", "Seeanemone zwei"]

    other.delete()
    assert found("Seeanemone") == ["Seeanemone"]
    assert other.pk not in indexed(search_engine)


def test_unpublishing_a_group_takes_its_papers_with_it(search_engine, make_paper, group_software):
    paper = make_paper("Krake")

    group_software.unpublish()
    assert found("Krake") == []
    assert paper.pk not in indexed(search_engine)

    group_software.save_revision().publish()
    assert found("Krake") == ["Krake"]


def test_deleting_a_group_removes_its_papers(search_engine, make_paper, group_software):
    paper = make_paper("Tintenfisch")
    group_software.delete()

    assert found("Tintenfisch") == []
    assert paper.pk not in indexed(search_engine)
    assert group_software.pk not in indexed(search_engine, WORKING_GROUP)


def test_move_updates_url_and_facets(search_engine, make_paper, group_security):
    paper = make_paper("Wanderndes Papier")
    paper.move(group_security, pos="last-child")

    response = Client().get("/api/v1/search/", {"q": "wanderndes"})
    data = response.json()
    assert data["results"][0]["url"].startswith("/arbeitskreise/it-sicherheit/")
    assert {e["value"] for e in data["facets"]["working_group"]} == {"it-sicherheit"}
    assert (
        Client()
        .get("/api/v1/search/", {"q": "wanderndes", "working_group": "software"})
        .json()["count"]
        == 0
    )


def test_moving_into_a_private_section_removes(search_engine, make_paper, make_group):
    hidden = make_group("Arbeitskreis Intern", "intern")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    paper = make_paper("Umzug ins Private")

    paper.move(hidden, pos="last-child")
    assert found("Umzug") == []
    assert paper.pk not in indexed(search_engine)


def test_renames_reach_the_papers(search_engine, make_paper, group_software):
    addressee = AddresseeFactory(name="Landesamt", slug="landesamt")
    make_paper("Papier mit Adressat", dispatches=[(addressee, dt.date(2025, 3, 2))])

    group_software.title = "Arbeitskreis Quantenrechner"
    group_software.save_revision().publish()
    assert found("Quantenrechner") == ["Papier mit Adressat"]

    addressee.name = "Landesamt für Meeresbiologie"
    addressee.save()
    assert found("Meeresbiologie") == ["Papier mit Adressat"]


def test_a_sync_builds_documents_only_for_the_kinds_of_its_pages(
    database_search, make_paper, group_software, monkeypatch
):
    import search.indexing
    from search.indexing import index_pages_sync

    paper = make_paper("Zebrafische im Rechenzentrum")
    minutes = MinutesIndexPage.objects.child_of(group_software).get()
    built = []
    original = search.indexing.documents_build

    def recording(*, kind, ids, scope):
        built.append((kind, sorted(ids)))
        return original(kind=kind, ids=ids, scope=scope)

    monkeypatch.setattr(search.indexing, "documents_build", recording)

    # The minutes section is of no indexed kind: nothing is built for it, it is only removed.
    report = index_pages_sync(page_ids=[paper.pk, minutes.pk, group_software.pk])

    assert sorted(built) == [(PAPER, [paper.pk]), (WORKING_GROUP, [group_software.pk])]
    assert report == {"written": 2, "removed": 1}
    assert paper.pk in indexed(database_search, PAPER)
    assert minutes.pk not in everything_indexed(database_search)

    built.clear()
    assert index_pages_sync(page_ids=[minutes.pk]) == {"written": 0, "removed": 1}
    assert built == []
