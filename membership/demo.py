"""Demo content of the membership app: a meeting with minutes and attachment per group, one invitation."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from cms.tokens import token_hash, token_new
from membership.models import Invitation
from membership.services import INVITATION_VALIDITY
from workgroups.models import (
    EventPage,
    EventType,
    MeetingIndexPage,
    MinutesAttachment,
    MinutesPage,
    Organisation,
)
from workgroups.services.pages import page_publish
from workgroups.services.pdf import simple_pdf

DEMO_MEETING_SLUG = "arbeitskreissitzung-oktober-2026"
DEMO_INVITATION_EMAIL = "neues-mitglied@example.org"


def membership_demo_load(load) -> None:
    """Per demo group: its October meeting (internal), linked to its minutes with a PDF attachment.

    ``load`` is the loader's ``DemoLoad``; existing objects stay untouched.
    """
    groups = list(load.of("working_groups").values())
    for group in load.progress(groups, _("Sitzungen und Protokolle")):
        section = MeetingIndexPage.objects.child_of(group).first()
        minutes = MinutesPage.objects.descendant_of(group).order_by("-meeting_date").first()
        if section is None or minutes is None:
            continue
        meeting = EventPage.objects.child_of(section).filter(slug=DEMO_MEETING_SLUG).first()
        if meeting is None:
            starts_at = timezone.make_aware(dt.datetime.combine(minutes.meeting_date, dt.time(14)))
            meeting = EventPage(
                title=_("Sitzung %(group)s") % {"group": group.title},
                slug=DEMO_MEETING_SLUG,
                live=False,
                event_type=EventType.MEETING,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=2),
                location=_("Leipzig, Geschäftsstelle des Verbands"),
                working_group=group,
                description=_("Tagesordnung: Arbeitsplan, laufende Positionspapiere, Termine."),
            )
            section.add_child(instance=meeting)
            page_publish(page=meeting)
            load.created["pages"] += 1
        if minutes.meeting_id is None or not minutes.attachments.exists():
            title = _("Anlage zum Protokoll: %(title)s") % {"title": minutes.title}
            document = get_document_model().objects.create(
                title=title,
                file=ContentFile(
                    simple_pdf(
                        title=title, paragraphs=[_("Folien und Teilnehmerliste der Sitzung.")]
                    ),
                    name=f"anlage-{group.slug}.pdf",
                ),
                collection=group.access.collection,
            )
            minutes.meeting = meeting
            minutes.attachments.add(MinutesAttachment(document=document))
            page_publish(page=minutes)
    organisation = Organisation.objects.order_by("name").first()
    if (
        groups
        and organisation
        and not Invitation.objects.filter(email=DEMO_INVITATION_EMAIL).exists()
    ):
        # A pending invitation to show in the members view; its link is never sent.
        Invitation.objects.create(
            email=DEMO_INVITATION_EMAIL,
            working_group=groups[0],
            organisation=organisation,
            token_hash=token_hash(token_new()),
            expires_at=timezone.now() + INVITATION_VALIDITY,
        )
