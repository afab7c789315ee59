"""Demo step of the signoff app: a paper of the software group in its Mitzeichnung."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from signoff.models import Decision, SignoffTaskState
from signoff.services import signoff_answer
from workgroups.models import MemberProfile, PositionPaperPage, WorkingGroupPage
from workgroups.services.people import member_profile_set

DEMO_SLUG = "stellungnahme-cra-mittelstand"
DEMO_GROUP = "software"
DEMO_CONTACT = "mitglied-software"


def signoff_demo(load) -> None:
    """A draft past its group review, waiting for the companies; one contact has signed."""
    # Part of the full demo with its people (a contact answers); not of partial loads.
    if not load.with_users:
        return
    group = WorkingGroupPage.objects.filter(slug=DEMO_GROUP).first()
    if group is None or PositionPaperPage.objects.filter(slug=DEMO_SLUG).exists():
        return
    paper = PositionPaperPage(
        title=_("Stellungnahme zum Cyber Resilience Act: Umsetzung im Mittelstand"),
        slug=DEMO_SLUG,
        summary=_(
            "Der Arbeitskreis Software begrüßt einheitliche Sicherheitsanforderungen, fordert "
            "aber Übergangsfristen und Hilfen für kleine Softwarehäuser."
        ),
        verdict=_("Sicherheit ja – aber mit Fristen, die kleine Hersteller einhalten können."),
        live=False,
    )
    group.add_child(instance=paper)
    paper.save_revision()
    load.created["pages"] += 1
    paper.get_workflow().start(paper, None)
    # The chairs' review is taken as done: the demo shows the companies' step.
    WorkflowState.objects.get(object_id=str(paper.pk)).current_task_state.approve(
        comment=_("Im Arbeitskreis abgestimmt.")
    )
    task_state = SignoffTaskState.objects.for_instance(paper).order_by("-pk").first()
    contact = get_user_model().objects.filter(username=DEMO_CONTACT).first()
    company = task_state.organisations.order_by("name").first() if task_state else None
    if contact is None or company is None:
        return
    if not MemberProfile.objects.filter(user=contact, organisation__isnull=False).exists():
        member_profile_set(user=contact, organisation=company, signs_for_organisation=True)
    contact.refresh_from_db()
    if task_state.organisation_answering_for(contact) is not None:
        signoff_answer(
            task_state=task_state,
            user=contact,
            decision=Decision.SIGN,
            comment=_("Wir zeichnen mit."),
        )
