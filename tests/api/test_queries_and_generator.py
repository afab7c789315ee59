"""Bounded SQL per request (independent of page size) on generated data; the generator itself."""

import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from workgroups.models import PaperStatus, PositionPaperPage
from workgroups.models.papers import CITATION_ID_RE

GENERATED = 80
LIST_BOUND = 8
DETAIL_BOUND = 16


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The demo site plus papers from ``generate_papers`` (once per module, rolled back)."""
    published = Counter()

    def count(sender, instance, **kwargs):
        published[type(instance).__name__] += 1

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            from workgroups.demo.validation import demo_content_read
            from workgroups.services.demo import demo_content_load

            demo_content_load(data=demo_content_read(), with_users=False)
            before = PositionPaperPage.objects.count()
            page_published.connect(count)
            try:
                call_command("generate_papers", GENERATED, "--seed", "7", verbosity=0)
            finally:
                page_published.disconnect(count)
            yield {"before": before, "published": published}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def api(generated, db, client):
    return client


def test_generator_publishes_every_paper_through_a_revision(generated, db):
    papers = PositionPaperPage.objects.all()
    assert papers.count() == generated["before"] + GENERATED
    # page_published fired for each new paper (plus re-publishes of superseded ones).
    assert generated["published"]["PositionPaperPage"] >= GENERATED
    new = papers.order_by("-pk")[:GENERATED]
    for paper in new:
        assert paper.live and paper.live_revision_id and not paper.has_unpublished_changes
        assert CITATION_ID_RE.match(paper.citation_id)
        assert PageLogEntry.objects.filter(page=paper, action="wagtail.publish").exists()
        assert paper.tagged_items.exists() and paper.dispatches.exists()
        assert paper.get_parent().specific_class.__name__ == "WorkingGroupPage"
    assert len({paper.citation_id for paper in papers}) == papers.count()
    superseded = papers.filter(status=PaperStatus.SUPERSEDED, superseded_by__isnull=False)
    assert superseded.exists()
    groups = Counter(paper.get_parent().slug for paper in new)
    assert len(groups) >= 4, groups
    assert re.search(r"[äöüß]", " ".join(p.title + p.summary for p in new))


def test_list_queries_do_not_grow_with_page_size(api, django_assert_max_num_queries):
    for size in (5, 100):
        with django_assert_max_num_queries(LIST_BOUND):
            response = api.get(f"/api/v1/papers/?page_size={size}")
        assert response.status_code == 200
        assert len(response.json()["results"]) == size


def test_filtered_list_queries_are_bounded(api, django_assert_max_num_queries):
    query = "page_size=100&working_group=it-sicherheit&status=aktuell&status=ueberholt"
    with django_assert_max_num_queries(LIST_BOUND):
        assert api.get(f"/api/v1/papers/?{query}").status_code == 200


def test_detail_queries_are_bounded(api, django_assert_max_num_queries):
    richest = (
        PositionPaperPage.objects.filter(live=True, superseded_by__isnull=False)
        .order_by("-pk")
        .first()
    )
    for slug in (richest.slug, richest.superseded_by.slug):
        with django_assert_max_num_queries(DETAIL_BOUND):
            response = api.get(f"/api/v1/papers/{slug}/")
        assert response.status_code == 200
        assert response.json()["related"]


def test_by_path_queries_are_bounded(api, django_assert_max_num_queries):
    paper = PositionPaperPage.objects.filter(live=True).order_by("-pk").first()
    path = "/" + paper.url_path.split("/", 2)[2]
    with django_assert_max_num_queries(3):
        response = api.get(f"/api/v1/pages/by-path/?path={path}")
    assert response.status_code == 200 and response.json()["id"] == paper.pk


@pytest.mark.parametrize(
    ("url", "bound"),
    [
        ("/api/v1/working-groups/", 5),
        ("/api/v1/working-groups/it-sicherheit/", 10),
        ("/api/v1/events/?page_size=100", 4),
        ("/api/v1/organisations/?page_size=100", 5),
        ("/api/v1/addressees/?page_size=100", 4),
        ("/api/v1/regulatory-projects/?page_size=100", 4),
        ("/api/v1/tags/?page_size=100", 4),
        ("/feeds/papers.atom", 6),
    ],
)
def test_other_endpoints_are_bounded(api, django_assert_max_num_queries, url, bound):
    with django_assert_max_num_queries(bound):
        assert api.get(url).status_code == 200


def test_bulk_mode_leaves_papers_as_a_publish_would(generated, db, client):
    from wagtail.models import Page

    published = Counter()

    def count(sender, instance, revision, **kwargs):
        published[instance.pk] += 1
        assert revision.pk == instance.live_revision_id

    before = set(PositionPaperPage.objects.values_list("pk", flat=True))
    page_published.connect(count)
    try:
        call_command("generate_papers", 30, "--bulk", "--seed", "11", verbosity=0)
    finally:
        page_published.disconnect(count)
    new = PositionPaperPage.objects.exclude(pk__in=before)
    assert new.count() == 30
    assert set(published) >= set(new.values_list("pk", flat=True))
    # The tree is consistent (paths, depths, numchild) as after add_child().
    assert all(not problems for problems in Page.find_problems())
    for paper in new:
        assert paper.live and not paper.has_unpublished_changes
        assert paper.live_revision_id == paper.latest_revision_id
        assert paper.url_path == paper.get_parent().url_path + paper.slug + "/"
        stored = paper.live_revision.as_object()
        for field in ("title", "summary", "citation_id", "version_label", "status"):
            assert getattr(stored, field) == getattr(paper, field)
        assert {t.tag_id for t in stored.tagged_items.all()} == {
            t.tag_id for t in paper.tagged_items.all()
        }
        assert PageLogEntry.objects.filter(page=paper, action="wagtail.publish").count() >= 1
    # Such a paper behaves like any other: the API serves it, an editor can publish again.
    paper = new.filter(status=PaperStatus.CURRENT).first()
    data = client.get(f"/api/v1/papers/{paper.slug}/").json()
    assert data["title"] == paper.title and data["tags"] and data["addressees"]
    paper.version_label = "2.0"
    paper.save_revision().publish()
    versions = client.get(f"/api/v1/papers/{paper.slug}/").json()["versions"]
    assert [v["version"] for v in versions][0] == "2.0"
