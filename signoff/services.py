"""Writes of the sign-off (open, answer, complete at quorum, veto or deadline) and of dispatches."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision, TaskState

from signoff.models import (
    Decision,
    SignoffAnswer,
    SignoffAnswerChange,
    SignoffTask,
    SignoffTaskState,
)
from signoff.selectors import (
    signoff_last_approved,
    signoff_organisations_of,
    signoff_signatories,
    signoff_tally,
)
from signoff.tasks import signoff_deadlines_schedule
from workgroups.models import Addressee, Level, PaperDispatch, PositionPaperPage
from workgroups.services.publication import publication_paper_records_changed

SIGNOFF_TASK_NAME = "Mitzeichnung der Mitgliedsunternehmen"


def signoff_round_open(*, task_state: SignoffTaskState) -> None:
    """Fix who takes part and when the Schweigefrist ends; wake the scheduler at that time."""
    paper = task_state.revision.as_object()
    task = task_state.task.specific
    task_state.deadline = task.deadline_from(task_state.started_at)
    task_state.save(update_fields=["deadline"])
    task_state.organisations.set(signoff_organisations_of(paper=paper))
    if not task_state.organisations.exists():
        # Nobody to ask: the step is done at once (Wagtail moves on when start() returns).
        task_state.approve(update=False, comment=_("Keine Mitgliedsunternehmen beteiligt."))
        return
    signoff_deadlines_schedule(at=task_state.deadline)


@transaction.atomic
def signoff_answer(
    *, task_state: SignoffTaskState, user, decision: str, comment: str = ""
) -> SignoffAnswer:
    """Record (or change) the answer of the user's company; complete the round if it decides."""
    # The row lock serialises answers of one round: two last signatures cannot both miss
    # the quorum, nor approve twice.
    task_state = SignoffTaskState.objects.select_for_update().get(pk=task_state.pk)
    organisation = task_state.organisation_answering_for(user)
    if organisation is None:
        raise PermissionDenied(
            _("Nur die Ansprechpersonen beteiligter Unternehmen können mitzeichnen.")
        )
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Bitte mitzeichnen, enthalten oder widersprechen.")})
    now = timezone.now()
    if task_state.deadline is not None and now >= task_state.deadline:
        raise ValidationError(
            _("Die Schweigefrist ist abgelaufen; Antworten sind nicht mehr möglich.")
        )
    answer, _created = SignoffAnswer.objects.update_or_create(
        task_state=task_state,
        organisation=organisation,
        defaults={
            "decision": decision,
            "comment": comment,
            "answered_by": user,
            "answered_at": now,
        },
    )
    SignoffAnswerChange.objects.create(
        answer=answer, decision=decision, comment=comment, changed_by=user, changed_at=now
    )
    signoff_evaluate(task_state=task_state, user=user, now=now)
    return answer


def signoff_evaluate(
    *, task_state: SignoffTaskState, user=None, now: datetime | None = None
) -> str:
    """Complete the round if it is decided: veto sends it back, the quorum passes it.

    At the end of the Schweigefrist silent companies count as signing; if even then the
    quorum is missed, the paper goes back to the group as well. Returns the new status.
    """
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return task_state.status
    now = now or timezone.now()
    task = task_state.task.specific
    tally = signoff_tally(task_state=task_state)
    expired = task_state.deadline is not None and now >= task_state.deadline
    if tally.objected >= task.veto_threshold:
        task_state.reject(
            user=user,
            comment=_("Widerspruch von %(count)s Unternehmen: Änderungen angefordert.")
            % {"count": tally.objected},
        )
    elif tally.reaches(task.quorum, with_silent=False):
        task_state.approve(user=user, comment=_("Quorum erreicht."))
    elif expired and tally.reaches(task.quorum, with_silent=True):
        task_state.approve(
            comment=_(
                "Schweigefrist abgelaufen; %(count)s Unternehmen stimmten durch Schweigen zu."
            )
            % {"count": tally.silent}
        )
    elif expired:
        task_state.reject(comment=_("Schweigefrist abgelaufen, Quorum nicht erreicht."))
    return task_state.status


def signoff_deadlines_run(*, now: datetime | None = None) -> int:
    """Complete every round whose Schweigefrist has ended; returns how many were completed."""
    now = now or timezone.now()
    done = 0
    due = SignoffTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, deadline__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            task_state = SignoffTaskState.objects.select_for_update().get(pk=pk)
            if signoff_evaluate(task_state=task_state, now=now) != TaskState.STATUS_IN_PROGRESS:
                done += 1
    upcoming = signoff_next_deadline(after=now)
    if upcoming is not None:
        signoff_deadlines_schedule(at=upcoming)
    return done


def signoff_next_deadline(*, after: datetime) -> datetime | None:
    return (
        SignoffTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, deadline__gt=after)
        .order_by("deadline")
        .values_list("deadline", flat=True)
        .first()
    )


def paper_signatories_apply(*, paper: PositionPaperPage, revision: Revision | None) -> bool:
    """At publication: the paper's signatories are those of its last completed sign-off.

    Written to the live row and to the published revision, so the next draft carries them
    too. A paper that never went through a sign-off keeps what it has.
    """
    task_state = signoff_last_approved(paper=paper)
    if task_state is None:
        return False
    ids = list(signoff_signatories(task_state=task_state).values_list("pk", flat=True))
    paper.signatories.set(ids)
    # ParentalManyToManyField only writes to the database on save; the page row is
    # unchanged otherwise, so save just the relation.
    paper.signatories.commit()
    if revision is not None and revision.content.get("signatories") != ids:
        revision.content["signatories"] = ids
        revision.save(update_fields=["content"])
    return True


def signoff_task_ensure(*, workflow) -> SignoffTask:
    """The Mitzeichnung step of one review workflow, with its own quorum, veto and Schweigefrist.

    A Mitzeichnung step the workflow already has stays (editors may have tuned it or put a
    shared one in its place); otherwise the workflow gets a new one with the defaults.
    """
    for task in workflow.tasks.all():
        if isinstance(task.specific, SignoffTask):
            return task.specific
    return SignoffTask.objects.create(name=SIGNOFF_TASK_NAME)


def _federal_dispatch_allowed(paper: PositionPaperPage) -> bool:
    return paper.regulatory_projects.exclude(lobbyregister_number="").exists()


@transaction.atomic
def dispatch_record(
    *,
    paper: PositionPaperPage,
    addressee: Addressee,
    sent_on: date,
    channel: str = "",
    note: str = "",
) -> PaperDispatch:
    """Record that a published paper was sent; no new content version of the paper."""
    errors: dict[str, list[str]] = {}
    if not paper.live:
        errors.setdefault("__all__", []).append(
            _("Ein Versand lässt sich erst erfassen, wenn das Papier veröffentlicht ist.")
        )
    if sent_on > timezone.localdate():
        errors.setdefault("sent_on", []).append(
            _("Das Versanddatum darf nicht in der Zukunft liegen.")
        )
    if addressee.level == Level.BUND and not _federal_dispatch_allowed(paper):
        errors.setdefault("addressee", []).append(
            _(
                "Ein Versand an Bundesadressaten muss ins Lobbyregister: Bitte dem Papier "
                "zuerst ein Regelungsvorhaben mit Lobbyregister-Nummer (RV…) zuordnen."
            )
        )
    if errors:
        raise ValidationError(errors)
    last = paper.dispatches.aggregate(last=Max("sort_order"))["last"]
    dispatch = PaperDispatch(
        page=paper,
        addressee=addressee,
        sent_on=sent_on,
        channel=channel,
        note=note,
        sort_order=(last or 0) + 1,
    )
    dispatch.full_clean()
    dispatch.save()
    publication_paper_records_changed(page_id=paper.pk)
    return dispatch


@transaction.atomic
def dispatch_delete(*, dispatch: PaperDispatch) -> None:
    """Remove a dispatch recorded by mistake."""
    page_id = dispatch.page_id
    dispatch.delete()
    publication_paper_records_changed(page_id=page_id)
