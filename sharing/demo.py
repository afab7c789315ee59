"""Demo step of the share links: a draft paper of "software" shared with a journalist."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from sharing.models import ShareLink
from sharing.selectors import share_link_url
from sharing.services import share_link_create
from workgroups.models import PositionPaperPage
from workgroups.services.roles import EDITORS_GROUP_NAME

DEMO_SLUG = "ki-kompetenzen-mittelstand-entwurf"
DEMO_RECIPIENT = "Jana Journalistin"


def _draft_paper(group) -> PositionPaperPage:
    paper = PositionPaperPage.objects.child_of(group).filter(slug=DEMO_SLUG).first()
    if paper is not None:
        return paper
    paper = PositionPaperPage(
        title="KI-Kompetenzen im Mittelstand (Entwurf)",
        slug=DEMO_SLUG,
        live=False,
        summary=(
            "Der Arbeitskreis schlägt ein regionales Qualifizierungsprogramm vor, damit kleine "
            "und mittlere IT-Unternehmen KI-Kompetenzen aufbauen können."
        ),
        verdict="Ohne gezielte Weiterbildung bleibt KI im Mittelstand ein Versprechen.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Entwurf zur Abstimmung mit ausgewählten Journalistinnen und "
                "Journalisten vor der Veröffentlichung.</p>",
            }
        ],
    )
    group.add_child(instance=paper)
    # A draft only (a revision): it is never public until the Redaktion publishes it.
    paper.save_revision()
    return paper


def share_links_demo_load(load) -> None:
    """A never-published draft and one active link to it (its address noted for the output)."""
    group = load.of("working_groups").get("software")
    editor = get_user_model().objects.filter(groups__name=EDITORS_GROUP_NAME).first()
    if group is None or editor is None:
        return
    paper = _draft_paper(group)
    active = ShareLink.objects.filter(
        paper=paper, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
    if active.exists():
        # Only the hash is stored: an existing link's address cannot be shown again.
        load.of("share_links")["demo"] = _(
            "besteht bereits (die Adresse wird nur beim Anlegen angezeigt)"
        )
        return
    _link, token = share_link_create(
        paper=paper,
        user=editor,
        recipient_name=DEMO_RECIPIENT,
        recipient_organisation="Mitteldeutsche Wirtschaftszeitung",
        recipient_email="jana.journalistin@example.org",
        valid_until=timezone.localdate() + dt.timedelta(days=14),
    )
    load.of("share_links")["demo"] = share_link_url(token=token)
