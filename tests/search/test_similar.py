"""The overlap check: similar published papers of other working groups, on both backends."""

import pytest
from django.test import Client

from search.similar import similar_papers
from tests.factories import PositionPaperPageFactory
from tests.search.conftest import body
from workgroups.models import PaperStatus

pytestmark = pytest.mark.django_db

TEXT = (
    "Die souveräne Cloud für die öffentliche Verwaltung braucht offene Schnittstellen, "
    "europäische Rechenzentren und Ausschreibungen, die den Mittelstand nicht ausschließen."
)


@pytest.fixture
def papers(make_paper, group_software, group_security, make_group):
    green = make_group("Green IT", "green-it")
    return {
        "own": make_paper("Souveräne Cloud im Arbeitskreis Software", text=TEXT, tags=["Cloud"]),
        "other": make_paper(
            "Cloud-Souveränität für Behörden", text=TEXT, parent=group_security, tags=["Cloud"]
        ),
        "unrelated": make_paper(
            "Rechenzentren mit Abwärme",
            text="Abwärme von Servern heizt Wohnungen; Energieeffizienz zählt.",
            parent=green,
        ),
        "withdrawn": make_paper(
            "Zurückgezogene Cloud-Position",
            text=TEXT,
            parent=green,
            status=PaperStatus.WITHDRAWN,
        ),
        "draft_elsewhere": PositionPaperPageFactory(
            parent=group_security,
            title="Entwurf Cloud Sicherheit XQGEHEIM",
            body=body(TEXT),
            publish=False,
        ),
        "draft": PositionPaperPageFactory(
            parent=group_software,
            title="Neuer Entwurf: Cloud in der Verwaltung",
            summary="Offene Schnittstellen und europäische Rechenzentren.",
            body=body(TEXT),
            publish=False,
        ),
    }


def test_similar_papers_are_public_ones_of_other_groups(search_engine, papers):
    found = similar_papers(page=papers["draft"])
    titles = [paper.title for paper in found]
    assert titles[0] == "Cloud-Souveränität für Behörden"
    assert "Souveräne Cloud im Arbeitskreis Software" not in titles  # the draft's own group
    assert "Zurückgezogene Cloud-Position" not in titles
    assert not any("XQGEHEIM" in title for title in titles)
    assert found[0].working_group == "Arbeitskreis IT-Sicherheit"
    assert found[0].url.endswith(f"/{papers['other'].slug}/")


def test_a_co_authoring_group_counts_as_the_drafts_own(search_engine, papers, group_security):
    draft = papers["draft"]
    draft.co_working_groups.add(group_security)
    draft.save_revision()
    titles = [paper.title for paper in similar_papers(page=draft.get_latest_revision_as_object())]
    assert "Cloud-Souveränität für Behörden" not in titles


def test_the_editor_shows_the_panel_to_the_drafts_author(database_search, papers, member_software):
    client = Client()
    client.force_login(member_software)
    page = client.get(f"/admin/pages/{papers['draft'].pk}/edit/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ähnliche Positionen anderer Arbeitskreise" in html
    assert "Cloud-Souveränität für Behörden" in html
    assert "XQGEHEIM" not in html
