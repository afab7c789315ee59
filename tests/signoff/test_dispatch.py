"""Dispatches: editors record them on a published paper, without a new content version."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import Revision

from tests.factories import AddresseeFactory, PositionPaperPageFactory, RegulatoryProjectFactory
from workgroups.models import Level, PaperDispatch, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(group_software):
    project = RegulatoryProjectFactory(slug="kritis-dachg", lobbyregister_number="RV0001234")
    return PositionPaperPageFactory(
        parent=group_software, slug="kritis-papier", regulatory_projects=[project]
    )


def _post(client, paper, **data):
    return client.post(reverse("signoff:dispatches", args=[paper.pk]), data)


def test_an_editor_records_a_dispatch_without_a_new_revision(client, editor, paper):
    addressee = AddresseeFactory(slug="bmi", name="Bundesministerium des Innern")
    revisions = Revision.objects.filter(object_id=str(paper.pk)).count()
    before = client.get(f"/api/v1/papers/{paper.slug}/").json()["dispatches"]
    assert before == []

    client.force_login(editor)
    response = _post(
        client, paper, addressee=addressee.pk, sent_on="2025-04-02", channel="email", note=""
    )
    assert response.status_code == 302, response.content.decode()[:500]

    assert Revision.objects.filter(object_id=str(paper.pk)).count() == revisions
    dispatch = PaperDispatch.objects.get(page=paper)
    assert (dispatch.addressee, dispatch.sent_on, dispatch.channel) == (
        addressee,
        dt.date(2025, 4, 2),
        "email",
    )
    client.logout()
    after = client.get(f"/api/v1/papers/{paper.slug}/").json()["dispatches"]
    assert [(d["addressee"]["slug"], d["sent_on"]) for d in after] == [("bmi", "2025-04-02")]


def test_a_federal_dispatch_needs_a_lobbyregister_number(client, editor, group_software):
    paper = PositionPaperPageFactory(
        parent=group_software,
        regulatory_projects=[RegulatoryProjectFactory()],  # no RV number
    )
    federal = AddresseeFactory(level=Level.BUND)
    client.force_login(editor)
    response = _post(client, paper, addressee=federal.pk, sent_on="2025-04-02")
    assert response.status_code == 200
    assert "Lobbyregister-Nummer (RV…)" in response.content.decode()
    assert not PaperDispatch.objects.exists()

    land = AddresseeFactory(level=Level.LAND, state=State.SACHSEN)
    assert _post(client, paper, addressee=land.pk, sent_on="2025-04-02").status_code == 302
    assert PaperDispatch.objects.get().addressee == land


def test_drafts_and_future_dates_are_refused_in_german(client, editor, group_software, paper):
    draft = PositionPaperPageFactory(parent=group_software, publish=False)
    land = AddresseeFactory(level=Level.LAND, state=State.SACHSEN)
    client.force_login(editor)
    response = _post(client, draft, addressee=land.pk, sent_on="2025-04-02")
    assert "erst erfassen, wenn das Papier veröffentlicht ist" in response.content.decode()
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = _post(client, paper, addressee=land.pk, sent_on=future)
    assert "nicht in der Zukunft" in response.content.decode()
    assert not PaperDispatch.objects.exists()


def test_an_editor_removes_a_wrong_dispatch(client, editor, paper):
    land = AddresseeFactory(level=Level.LAND, state=State.SACHSEN)
    client.force_login(editor)
    _post(client, paper, addressee=land.pk, sent_on="2025-04-02")
    dispatch = PaperDispatch.objects.get()
    assert _post(client, paper, delete=dispatch.pk).status_code == 302
    assert not PaperDispatch.objects.exists()


def test_members_cannot_record_dispatches(client, member_software, chair_software, paper):
    land = AddresseeFactory(level=Level.LAND, state=State.SACHSEN)
    for user in (member_software, chair_software):
        client.force_login(user)
        response = _post(client, paper, addressee=land.pk, sent_on="2025-04-02")
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not PaperDispatch.objects.exists()
