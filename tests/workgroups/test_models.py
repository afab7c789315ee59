"""Content model: validation with German messages, citation IDs, tree rules."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import (
    AddresseeFactory,
    EventPageFactory,
    OrganisationFactory,
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
)
from workgroups.models import Level, PaperStatus, PositionPaperPage

pytestmark = pytest.mark.django_db


def _document(name: str, content: bytes):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_paper_gets_a_citation_id_per_type_and_year(group_software):
    first = PositionPaperPageFactory(
        parent=group_software, paper_type="stellungnahme", publication_date=dt.date(2025, 7, 1)
    )
    second = PositionPaperPageFactory(
        parent=group_software, paper_type="stellungnahme", publication_date=dt.date(2025, 9, 1)
    )
    other_type = PositionPaperPageFactory(
        parent=group_software, paper_type="pressemitteilung", publication_date=dt.date(2025, 9, 1)
    )
    assert first.citation_id == "CITM-STN-2025-01"
    assert second.citation_id == "CITM-STN-2025-02"
    assert other_type.citation_id == "CITM-PM-2025-01"


def test_citation_id_is_stable_when_the_paper_changes(group_software):
    paper = PositionPaperPageFactory(parent=group_software, paper_type="stellungnahme")
    before = paper.citation_id
    paper.paper_type = "positionspapier"
    paper.save_revision().publish()
    paper.refresh_from_db()
    assert paper.citation_id == before


def test_malformed_citation_id_is_rejected_in_german(group_software):
    paper = PositionPaperPageFactory(parent=group_software)
    paper.citation_id = "nicht gültig"
    with pytest.raises(ValidationError) as exc:
        paper.full_clean()
    assert "Die Zitier-ID hat die Form" in str(exc.value.message_dict["citation_id"])


def test_duplicate_citation_id_is_rejected(group_software):
    first = PositionPaperPageFactory(parent=group_software)
    second = PositionPaperPageFactory(parent=group_software)
    second.citation_id = first.citation_id
    with pytest.raises(ValidationError) as exc:
        second.full_clean()
    assert "schon vergeben" in str(exc.value.message_dict["citation_id"])


def test_paper_slug_must_be_unique_across_working_groups(group_software, group_security):
    PositionPaperPageFactory(parent=group_software, slug="ki-verordnung")
    with pytest.raises(ValidationError) as exc:
        PositionPaperPageFactory(parent=group_security, slug="ki-verordnung")
    assert "Diese Kurzbezeichnung ist schon vergeben" in str(exc.value)
    assert PositionPaperPage.objects.filter(slug="ki-verordnung").count() == 1


def test_paper_outside_a_working_group_is_rejected(home):
    paper = PositionPaperPage(
        title="Verirrtes Papier", slug="verirrt", summary="x", verdict="y", live=False
    )
    with pytest.raises(ValidationError) as exc:
        home.add_child(instance=paper)
    assert "muss unter einem Arbeitskreis liegen" in str(exc.value)
    assert not PositionPaperPage.objects.filter(slug="verirrt").exists()
    assert not PositionPaperPage.can_exist_under(home)


def test_superseded_paper_needs_its_successor(group_software):
    paper = PositionPaperPageFactory(parent=group_software)
    paper.status = PaperStatus.SUPERSEDED
    with pytest.raises(ValidationError) as exc:
        paper.full_clean()
    assert "ersetzt" in str(exc.value.message_dict["superseded_by"])


def test_replaced_paper_cannot_be_current_and_links_both_ways(group_software):
    newer = PositionPaperPageFactory(parent=group_software)
    older = PositionPaperPageFactory(parent=group_software)
    older.superseded_by = newer
    with pytest.raises(ValidationError) as exc:
        older.full_clean()
    assert "überholt" in str(exc.value.message_dict["status"])
    older.status = PaperStatus.SUPERSEDED
    older.save_revision().publish()
    assert list(newer.supersedes.all()) == [older]


def test_non_pdf_upload_is_rejected_as_paper_pdf(group_software):
    paper = PositionPaperPageFactory(parent=group_software)
    paper.pdf = _document("kein-pdf.pdf", b"Dies ist nur Text")
    with pytest.raises(ValidationError) as exc:
        paper.full_clean()
    assert "muss eine PDF-Datei sein" in str(exc.value.message_dict["pdf"])
    paper.pdf = _document("tabelle.xlsx", b"%PDF-1.4 but wrong extension")
    with pytest.raises(ValidationError):
        paper.full_clean()
    paper.pdf = _document("echt.pdf", b"%PDF-1.4\n%%EOF\n")
    paper.full_clean()


def test_event_ending_before_it_starts_is_rejected(event_index):
    event = EventPageFactory(
        parent=event_index,
        starts_at=dt.datetime(2026, 5, 1, 18, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 5, 1, 16, tzinfo=dt.UTC),
        slug="falsch",
        publish=False,
    )
    # Wagtail lets an incomplete draft be saved, but never published.
    with pytest.raises(ValidationError) as exc:
        event.save_revision().publish()
    assert "Das Ende der Veranstaltung liegt vor ihrem Beginn" in str(exc.value)
    event.refresh_from_db()
    assert not event.live


def test_addressee_level_and_state_must_fit():
    addressee = AddresseeFactory.build(level=Level.LAND, state="")
    with pytest.raises(ValidationError) as exc:
        addressee.full_clean()
    assert "Bundesland" in str(exc.value.message_dict["state"])


def test_lobbyregister_number_format_is_checked():
    project = RegulatoryProjectFactory.build(lobbyregister_number="12345")
    with pytest.raises(ValidationError) as exc:
        project.full_clean()
    assert "RV" in str(exc.value.message_dict["lobbyregister_number"])
    RegulatoryProjectFactory.build(lobbyregister_number="RV0001234").full_clean()


def test_paper_relations_are_stored_with_the_published_revision(group_software, group_security):
    org = OrganisationFactory()
    addressee = AddresseeFactory()
    project = RegulatoryProjectFactory()
    paper = PositionPaperPageFactory(
        parent=group_software,
        tags=["KI", "Mittelstand"],
        co_working_groups=[group_security],
        signatories=[org],
        regulatory_projects=[project],
        dispatches=[(addressee, dt.date(2025, 3, 2))],
        key_demands=["Erstens", "Zweitens"],
    )
    paper = PositionPaperPage.objects.get(pk=paper.pk)
    assert sorted(paper.tags.names()) == ["KI", "Mittelstand"]
    assert list(paper.co_working_groups.all()) == [group_security.page_ptr.specific]
    assert list(paper.signatories.all()) == [org]
    assert list(paper.regulatory_projects.all()) == [project]
    assert [(d.addressee, d.sent_on) for d in paper.dispatches.all()] == [
        (addressee, dt.date(2025, 3, 2))
    ]
    assert [d.text for d in paper.key_demands.all()] == ["Erstens", "Zweitens"]


def test_copying_a_paper_does_not_duplicate_its_citation_id(group_software):
    paper = PositionPaperPageFactory(parent=group_software)
    copy = paper.copy(update_attrs={"slug": "kopie", "title": "Kopie"}, keep_live=False)
    # A copy is a new draft: it gets its own ID at its first publication.
    assert not copy.citation_id
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.citation_id and copy.citation_id != paper.citation_id
