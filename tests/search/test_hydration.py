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
