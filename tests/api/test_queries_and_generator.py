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
            from workgroups.services.demo import demo_content_load, demo_content_read

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
