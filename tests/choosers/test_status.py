"""The admin's listings show one status column in plain German, as member and editor see it."""

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from tests.factories import PositionPaperPageFactory, RegulatoryProjectFactory
from tests.signoff.conftest import companies, in_signoff  # noqa: F401 (fixtures)
from workgroups.models import PaperStatus

pytestmark = pytest.mark.django_db

JARGON = ("live", "Moderation", "Seite-Objekt", "moderation")


@pytest.fixture
def papers(group_software, member_software):
    draft = PositionPaperPageFactory(parent=group_software, title="Papier Entwurf", publish=False)
    PositionPaperPageFactory(parent=group_software, title="Papier öffentlich")
    withdrawn = PositionPaperPageFactory(parent=group_software, title="Papier zurück")
    withdrawn.status = PaperStatus.WITHDRAWN
    withdrawn.save_revision().publish()
    review = PositionPaperPageFactory(parent=group_software, title="Papier Prüfung", publish=False)
    review.save_revision(user=member_software)
    group_software.get_workflow().start(review, member_software)
    go_live = timezone.now() + dt.timedelta(days=2)
    scheduled = PositionPaperPageFactory(
        parent=group_software, title="Papier geplant", publish=False, go_live_at=go_live
    )
    scheduled.save_revision().publish()
    step = review.current_workflow_task.name
    return {
        "Papier Entwurf": "Entwurf",
        "Papier öffentlich": "Veröffentlicht",
        "Papier zurück": "Zurückgezogen",
        "Papier Prüfung": f"In Prüfung: {step}",
        "Papier geplant": f"Geplant: {timezone.localtime(go_live):%d.%m.%Y}",
    }, draft


def _table(body: str) -> tuple[list[str], dict[str, list[str]]]:
    """Header texts and, per row, its cells' texts (keyed by the row's title cell)."""

    def text(fragment: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())

    # The listing, not the keyboard-shortcuts dialog's table.
    table = re.search(r'<table class="listing.*?</table>', body, re.S).group(0)
    headers = [text(th) for th in re.findall(r"<th\b.*?</th>", table, re.S)]
    rows = {}
    for row in re.findall(r"<tr\b.*?</tr>", table, re.S)[1:]:
        cells = [text(cell) for cell in re.findall(r"<td\b.*?</td>", row, re.S)]
        if cells:
            rows[" ".join(cells)] = cells
    return headers, rows


def _status_of(rows: dict[str, list[str]], title: str, headers: list[str]) -> str:
    index = headers.index("Status")
    (cells,) = [cells for key, cells in rows.items() if title in key]
    return cells[index]


@pytest.mark.parametrize("url", ["/admin/papers/", "explorer"])
def test_paper_listings_show_one_plain_status(client, papers, member_software, group_software, url):
    expected, _draft = papers
    client.force_login(member_software)
    path = f"/admin/pages/{group_software.pk}/" if url == "explorer" else url
    response = client.get(path)
    assert response.status_code == 200
    headers, rows = _table(response.content.decode())
    assert headers.count("Status") == 1, headers
    for title, status in expected.items():
        assert _status_of(rows, title, headers) == status
    cells = " | ".join(" | ".join(c) for c in rows.values())
    assert not [word for word in JARGON if re.search(rf"\b{word}\b", cells)], cells


def test_published_paper_with_pending_changes_says_so(client, papers, editor, group_software):
    paper = PositionPaperPageFactory(parent=group_software, title="Papier überarbeitet")
    paper.summary = "Neue Zusammenfassung"
    paper.save_revision()
    client.force_login(editor)
    headers, rows = _table(client.get("/admin/papers/").content.decode())
    assert _status_of(rows, "Papier überarbeitet", headers) == (
        "Veröffentlicht; Änderungen im Entwurf"
    )


def test_paper_in_the_sign_off_round_reads_in_mitzeichnung(client, in_signoff, editor):  # noqa: F811
    in_signoff()
    client.force_login(editor)
    headers, rows = _table(client.get("/admin/papers/").content.decode())
    assert _status_of(rows, "Entwurf Cloud-Souveränität", headers) == "In Mitzeichnung"


def test_regulatory_projects_show_their_consultation_as_status(client, editor):
    soon = timezone.localdate() + dt.timedelta(days=5)
    RegulatoryProjectFactory(title="Datennutzungsgesetz", slug="dng", consultation_deadline=soon)
    client.force_login(editor)
    response = client.get("/admin/snippets/workgroups/regulatoryproject/")
    headers, rows = _table(response.content.decode())
    assert headers.count("Status") == 1
    assert _status_of(rows, "Datennutzungsgesetz", headers) == (
        f"Anhörung offen bis {soon:%d.%m.%Y}"
    )
