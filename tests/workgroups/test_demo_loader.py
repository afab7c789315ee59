"""The demo loader: builds the site, is idempotent, refuses bad files in German, grows by steps."""

import copy
import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from membership.models import Invitation
from review import demo as review_demo
from workgroups.demo import validation
from workgroups.demo.validation import (
    DemoContentError,
    DemoSection,
    Reference,
    demo_content_read,
    demo_content_validate,
)
from workgroups.models import (
    Addressee,
    EventPage,
    MinutesPage,
    Organisation,
    PaperStatus,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)
from workgroups.services import demo
from workgroups.services.demo import DemoStep, demo_content_load
from workspace.selectors import consultations_unclaimed

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "organisations": Organisation.objects.count(),
        "addressees": Addressee.objects.count(),
        "projects": RegulatoryProject.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_loads_completely_and_twice_changes_nothing():
    data = demo_content_read()
    call_command("load_demo_content", verbosity=0)
    first = _counts()
    assert PositionPaperPage.objects.live().count() == len(data["papers"]) == 30
    assert WorkingGroupPage.objects.live().count() == len(data["working_groups"])
    # Besides the public events, every group has an internal meeting (membership demo step).
    assert EventPage.objects.live().public().count() == len(data["events"])
    assert MinutesPage.objects.count() == len(data["minutes"])
    for minutes in MinutesPage.objects.all():
        assert minutes.meeting.live and minutes.attachments.count() == 1
        document = minutes.attachments.get().document
        assert document.collection.get_view_restrictions().exists()
    assert Invitation.objects.filter(accepted_at__isnull=True).count() == 1
    for group in WorkingGroupPage.objects.all():
        assert EventPage.objects.filter(working_group=group, live=True).exists(), group.slug
        assert MinutesPage.objects.descendant_of(group).filter(
            attachments__isnull=False, meeting__isnull=False
        ), group.slug
    # The joint draft of two groups, back in its first review step; the co-author edits it.
    joint = PositionPaperPage.objects.get(slug=review_demo.DEMO_SLUG)
    assert not joint.live and joint.get_parent().slug == review_demo.DEMO_OWNER
    latest = joint.get_latest_revision_as_object()
    assert [g.slug for g in latest.co_working_groups.all()] == [review_demo.DEMO_COAUTHOR]
    state = joint.current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES
    first_task = state.workflow.workflow_tasks.order_by("sort_order").first().task
    assert state.current_task_state.task_id == first_task.pk
    coauthor = get_user_model().objects.get(username="mitglied-software")
    assert joint.permissions_for_user(coauthor).can_edit()
    lock = joint.get_lock()  # the first step locks a paper for members while it waits
    assert lock is None or not lock.for_user(coauthor)
    nis2 = PositionPaperPage.objects.get(slug="nis2-umsetzung-stellungnahme")
    assert nis2.live and nis2.has_unpublished_changes is False
    assert nis2.citation_id.startswith("CITM-STN-2025-")
    assert nis2.dispatches.count() == 2 and nis2.pdf is not None
    assert nis2.get_parent().slug == "it-sicherheit"
    assert sorted(nis2.demand_impacts.values_list("status", flat=True)) == [
        "adopted",
        "not_adopted",
        "partly_adopted",
    ]
    superseded = PositionPaperPage.objects.filter(status=PaperStatus.SUPERSEDED)
    assert superseded.count() == 2 and all(p.superseded_by_id for p in superseded)
    # An open consultation no paper answers yet (the editors' dashboard names it).
    unclaimed = consultations_unclaimed(today=dt.date(2026, 12, 1))
    assert "saechsisches-e-government-gesetz-novelle" in [p.slug for p in unclaimed]
    assert get_user_model().objects.filter(username="redaktion", groups__name="Redaktion").exists()

    call_command("load_demo_content", verbosity=0)
    assert _counts() == first


def _minimal() -> dict:
    return {
        "working_groups": [
            {
                "slug": "software",
                "name": "Arbeitskreis Software",
                "short_description": "Software.",
                "mission": "Text",
                "topics": [],
                "chairs": [],
            }
        ],
        "organisations": [
            {
                "slug": "firma",
                "name": "Firma GmbH",
                "city": "Jena",
                "state": "DE-TH",
                "working_groups": ["software"],
            }
        ],
        "addressees": [
            {"slug": "bmi", "name": "Bundesministerium des Innern", "level": "Bund", "state": ""}
        ],
        "regulatory_projects": [],
        "papers": [
            {
                "slug": "papier",
                "title": "Ein Papier",
                "paper_type": "positionspapier",
                "working_groups": ["software"],
                "tags": [{"slug": "ki", "label": "KI"}],
                "publication_date": "2025-01-02",
                "summary": "Kurz.",
                "verdict": "Kern.",
                "key_demands": ["Eins"],
                "body": [{"type": "paragraph", "value": "<p>Text</p>"}],
                "dispatches": [{"addressee": "bmi", "sent_on": "2025-01-03"}],
                "signatories": ["firma"],
            }
        ],
        "events": [],
    }


def test_minimal_file_loads(site_tree):
    created = demo_content_load(data=_minimal(), with_users=False)
    assert created["pages"] == 2
    paper = PositionPaperPage.objects.get(slug="papier")
    assert paper.live and [d.addressee.slug for d in paper.dispatches.all()] == ["bmi"]


@pytest.mark.parametrize(
    "breaks,message",
    [
        (
            lambda d: d["papers"][0].update(working_groups=[]),
            "Papier „papier“, Feld „working_groups“: Braucht mindestens einen Eintrag.",
        ),
        (
            lambda d: d["papers"][0].update(working_groups=["gibt-es-nicht"]),
            "Papier „papier“, Feld „working_groups[]“: unbekannte(r) Arbeitskreis „gibt-es-nicht“.",
        ),
        (
            lambda d: d["papers"][0]["dispatches"][0].update(addressee="niemand"),
            "Papier „papier“, Feld „dispatches[].addressee“: unbekannte(r) Adressat „niemand“.",
        ),
        (
            lambda d: d["papers"].append(copy.deepcopy(d["papers"][0])),
            "Papier „papier“: kommt mehrfach vor.",
        ),
        (
            lambda d: d["papers"][0].update(publication_date="14.08.2025"),
            "Papier „papier“, Feld „publication_date“: „14.08.2025“ ist kein Datum (JJJJ-MM-TT).",
        ),
        (
            lambda d: d["events"].append(
                {
                    "slug": "e",
                    "title": "E",
                    "type": "workshop",
                    "starts_at": "2026-01-02T10:00:00+01:00",
                    "ends_at": "2026-01-02T09:00:00+01:00",
                }
            ),
            "Veranstaltung „e“: Das Ende liegt vor dem Beginn.",
        ),
        (
            lambda d: d["events"].append(
                {"slug": "e", "title": "E", "type": "workshop", "starts_at": "2026-01-02T10:00"}
            ),
            "Veranstaltung „e“, Feld „starts_at“: „2026-01-02T10:00“ ist kein Zeitpunkt mit Zeitzone",
        ),
        (lambda d: d.pop("addressees"), "Datei: Abschnitt „addressees“ fehlt."),
        (lambda d: d.update(papers={}), "Abschnitt „papers“: Muss eine Liste sein."),
        (lambda d: d["papers"][0].pop("summary"), "Papier „papier“: Pflichtfeld „summary“ fehlt."),
        (
            lambda d: d["papers"][0].update(sumary="Tippfehler"),
            "Papier „papier“: Unbekanntes Feld „sumary“.",
        ),
        (
            lambda d: d["papers"][0].update(paper_type="flugblatt"),
            "Papier „papier“, Feld „paper_type“: „flugblatt“ ist kein erlaubter Wert (erlaubt: "
            "positionspapier,",
        ),
        (
            lambda d: d["papers"][0].update(key_demands=["1", "2", "3", "4"]),
            "Papier „papier“, Feld „key_demands“: Höchstens 3 Einträge erlaubt.",
        ),
        (
            lambda d: d["papers"][0]["body"][0].update(type="absatz"),
            "Papier „papier“, Feld „body[0].type“: „absatz“ ist kein erlaubter Wert",
        ),
        (
            lambda d: d["papers"][0]["tags"][0].pop("label"),
            "Papier „papier“, Feld „tags[0]“: Pflichtfeld „label“ fehlt.",
        ),
        (
            lambda d: d["organisations"][0].update(state="DE-XX"),
            "Unternehmen „firma“, Feld „state“: „DE-XX“ ist kein erlaubter Wert",
        ),
        (
            lambda d: d.update(users=[{"username": "u", "password": "p", "role": "member"}]),
            "Benutzer „u“: Pflichtfeld „working_group“ fehlt.",
        ),
    ],
)
def test_bad_file_is_refused_in_german_and_nothing_is_saved(site_tree, breaks, message):
    data = _minimal()
    breaks(data)
    before = _counts()
    with pytest.raises(DemoContentError) as exc:
        demo_content_load(data=data, with_users=False)
    assert any(problem.startswith(message) for problem in exc.value.problems), exc.value.problems
    assert _counts() == before


def test_model_validation_failure_rolls_back_everything(site_tree):
    data = _minimal()
    data["papers"][0]["citation_id"] = "ungültig"
    before = _counts()
    with pytest.raises(DemoContentError) as exc:
        demo_content_load(data=data, with_users=False)
    assert "nichts wurde gespeichert" in exc.value.problems[0]
    assert _counts() == before
    assert not Organisation.objects.filter(slug="firma").exists()


def test_command_reports_problems_instead_of_crashing(tmp_path, db):
    broken = tmp_path / "kaputt.json"
    broken.write_text("{ kein json", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("load_demo_content", file=str(broken), verbosity=0)
    assert "kein gültiges JSON" in str(exc.value)
    data = _minimal()
    data["papers"][0]["signatories"] = ["unbekannt"]
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("load_demo_content", file=str(broken), verbosity=0)
    assert "Feld „signatories[]“: unbekannte(r) Unternehmen „unbekannt“" in str(exc.value)


def test_repository_demo_file_is_valid():
    assert demo_content_validate(demo_content_read()) == []


def test_a_capability_adds_its_own_section_files_and_step(tmp_path, site_tree, monkeypatch):
    """A section with its own content and schema file, checked and loaded by its own step."""
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps([{"slug": "n1", "paper": "papier", "text": "Gut."}]))
    schema = tmp_path / "notes.schema.json"
    schema.write_text(
        json.dumps(
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["slug", "paper", "text"],
                    "properties": {"text": {"type": "string", "minLength": 1}},
                },
            }
        )
    )
    main = tmp_path / "content.json"
    main.write_text(json.dumps(_minimal()))
    section = DemoSection(
        "notes", "Notiz", references=(Reference("paper", "papers"),), content=notes, schema=schema
    )
    monkeypatch.setattr(validation, "DEMO_SECTIONS", [*validation.DEMO_SECTIONS, section])
    seen = []

    def load_notes(load):
        for item in load.items("notes", "Notizen"):
            seen.append((item["text"], load.of("papers")[item["paper"]].slug))

    monkeypatch.setattr(demo, "DEMO_STEPS", [*demo.DEMO_STEPS, DemoStep("notes", load_notes)])

    data = demo_content_read(main)
    assert data["notes"][0]["slug"] == "n1"
    demo_content_load(data=data, with_users=False)
    assert seen == [("Gut.", "papier")]

    data["notes"][0].update(paper="fehlt", text="")
    assert demo_content_validate(data) == ["Notiz „n1“, Feld „text“: Darf nicht leer sein."]
    data["notes"][0]["text"] = "Wieder gut."
    assert demo_content_validate(data) == [
        "Notiz „n1“, Feld „paper“: unbekannte(r) Papier „fehlt“."
    ]
