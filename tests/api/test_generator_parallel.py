"""The benchmark generator on PostgreSQL with worker processes (outside a transaction)."""

import os
from collections import Counter

import pytest
from django.core.management import call_command

from workgroups.models import PaperStatus, PositionPaperPage


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bulk_generation_on_postgresql_shares_the_batches_between_processes(
    group_software, group_security, make_group, monkeypatch, tmp_path
):
    """Outside a transaction, ``--bulk --workers 3`` inserts from three processes at once.

    Three working groups (one per process) instead of the demo content; small batches, so
    papers are superseded both within a batch (created in that state) and across batches (a
    real publish of the earlier paper).
    """
    from wagtail.models import Page, Revision

    from workgroups.devtools import generate

    make_group("Arbeitskreis Green IT", "green-it")

    bulk_create = generate._bulk_create

    def recording(generator, items):
        (tmp_path / f"{os.getpid()}-{items[0]['number']}").touch()
        bulk_create(generator, items)

    monkeypatch.setattr(generate, "BULK_BATCH", 5)
    monkeypatch.setattr(generate, "_bulk_create", recording)
    call_command("generate_papers", 60, "--bulk", "--workers", "3", "--seed", "5", verbosity=0)
    pids = {int(path.name.split("-")[0]) for path in tmp_path.iterdir()}
    assert len(pids) == 3 and os.getpid() not in pids
    papers = PositionPaperPage.objects.all()
    assert papers.count() >= 60
    assert all(not problems for problems in Page.find_problems())
    assert len({paper.citation_id for paper in papers}) == papers.count()
    revisions = Counter()
    for paper in papers.filter(status=PaperStatus.SUPERSEDED):
        stored = paper.live_revision.as_object()
        assert stored.status == PaperStatus.SUPERSEDED
        assert stored.superseded_by_id == paper.superseded_by_id is not None
        assert paper.superseded_by.publication_date >= paper.publication_date
        revisions[Revision.objects.filter(object_id=str(paper.pk)).count()] += 1
    # Both ways occur: one revision (in the batch) and a second one (a later batch's publish).
    assert revisions[1] and revisions[2], revisions
