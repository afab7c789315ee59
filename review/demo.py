"""Demo step of the joint review: a draft of two groups whose first review step asked for changes."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from review.services import paper_coauthors_sync
from workgroups.models import PositionPaperPage

DEMO_SLUG = "gemeinsamer-entwurf-ki-sicherheit-software"
DEMO_OWNER = "it-sicherheit"
DEMO_COAUTHOR = "software"
DEMO_AUTHOR = "mitglied-sicherheit"
DEMO_REVIEWER = "leitung-software"


def review_demo_load(load) -> None:
    """A joint draft of IT-Sicherheit and Software, back with its authors after the first step.

    The first step locks the paper for members while it waits; after the co-authoring lead
    asked for changes, members of both groups edit it again, still in that step.
    """
    if not load.with_users:
        return
    groups = load.of("working_groups")
    owner, coauthor = groups.get(DEMO_OWNER), groups.get(DEMO_COAUTHOR)
    if owner is None or coauthor is None or PositionPaperPage.objects.filter(slug=DEMO_SLUG):
        return
    User = get_user_model()
    author = User.objects.filter(username=DEMO_AUTHOR).first()
    reviewer = User.objects.filter(username=DEMO_REVIEWER).first()
    paper = PositionPaperPage(
        title=_("Gemeinsamer Entwurf: KI-Systeme sicher entwickeln und betreiben"),
        slug=DEMO_SLUG,
        summary=_(
            "Die Arbeitskreise IT-Sicherheit und Software beschreiben, was kleine Hersteller "
            "für sichere KI-Systeme brauchen: klare Prüfkriterien, Musterverträge, Förderung."
        ),
        verdict=_("Sichere KI braucht prüfbare Regeln, die auch kleine Hersteller erfüllen."),
        live=False,
        owner=author,
    )
    paper.co_working_groups.set([coauthor])
    owner.add_child(instance=paper)
    paper.save_revision(user=author)
    paper_coauthors_sync(paper=paper)
    load.created["pages"] += 1
    paper.get_workflow().start(paper, author)
    paper.current_workflow_state.current_task_state.reject(
        user=reviewer,
        comment=_(
            "Bitte die Anforderungen an Trainingsdaten aus Sicht der Softwarehäuser ergänzen."
        ),
    )
