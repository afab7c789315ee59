"""Reads: who takes part in a sign-off, the tally of a round, Lobbyregister statements."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import TaskState

from signoff.models import Decision, SignoffAnswer, SignoffTaskState
from workgroups.models import Addressee, Level, Organisation, PositionPaperPage
from workgroups.selectors import papers_public


def signoff_organisations_of(*, paper: PositionPaperPage) -> QuerySet[Organisation]:
    """The member companies of the paper's authoring groups (its group and co-authors)."""
    group_ids = {paper.get_parent().pk, *(g.pk for g in paper.co_working_groups.all())}
    return Organisation.objects.filter(working_groups__in=group_ids).distinct()


def signoff_states_open_for(*, user) -> QuerySet[SignoffTaskState]:
    """Rounds in progress in which the user answers for their company."""
    organisation_id = SignoffTaskState.organisation_id_of(user)
    if organisation_id is None:
        return SignoffTaskState.objects.none()
    return SignoffTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, organisations=organisation_id
    ).order_by("deadline")


@dataclass(frozen=True)
class Tally:
    """The answers of a round counted: signed, abstained, objected and silent companies."""

    total: int
    signed: int
    abstained: int
    objected: int

    @property
    def silent(self) -> int:
        return self.total - self.signed - self.abstained - self.objected

    def reaches(self, quorum: Decimal, *, with_silent: bool) -> bool:
        consent = self.signed + (self.silent if with_silent else 0)
        return self.total > 0 and Decimal(consent) >= quorum * self.total


def signoff_tally(*, task_state: SignoffTaskState) -> Tally:
    """Only answers of companies taking part count (a company may have left a group since)."""
    decisions = list(
        SignoffAnswer.objects.filter(
            task_state=task_state, organisation__in=task_state.organisations.all()
        ).values_list("decision", flat=True)
    )
    return Tally(
        total=task_state.organisations.count(),
        signed=decisions.count(Decision.SIGN),
        abstained=decisions.count(Decision.ABSTAIN),
        objected=decisions.count(Decision.OBJECT),
    )


def signoff_signatories(*, task_state: SignoffTaskState) -> QuerySet[Organisation]:
    """Who signs the paper after a round: the companies that signed, and once the
    Schweigefrist has ended, those that stayed silent (their silence is consent)."""
    answers = SignoffAnswer.objects.filter(task_state=task_state)
    ended = task_state.finished_at or timezone.now()
    if task_state.deadline is not None and ended >= task_state.deadline:
        others = answers.exclude(decision=Decision.SIGN).values("organisation_id")
        return task_state.organisations.exclude(pk__in=others).order_by("name")
    signed = answers.filter(decision=Decision.SIGN).values("organisation_id")
    return task_state.organisations.filter(pk__in=signed).order_by("name")


def signoff_last_approved(*, paper: PositionPaperPage) -> SignoffTaskState | None:
    """The paper's most recent completed sign-off round."""
    return (
        SignoffTaskState.objects.for_instance(paper)
        .filter(status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at", "-pk")
        .first()
    )


def signoff_rounds_of(*, paper: PositionPaperPage) -> QuerySet[SignoffTaskState]:
    """Every sign-off round of a paper, newest first, with answers and their history."""
    return (
        SignoffTaskState.objects.for_instance(paper)
        .select_related("task", "revision")
        .prefetch_related("organisations", "answers__organisation", "answers__changes__changed_by")
        .order_by("-started_at", "-pk")
    )


# Lobbyregister: federal addressees are either parliament (Bundestag, its committees and
# groups) or the federal government (ministries and their agencies). Addressees carry no
# kind of their own, so the name decides.
PARLIAMENT_MARKERS = ("bundestag", "ausschuss", "fraktion")


def addressee_is_parliament(addressee: Addressee) -> bool:
    name = f"{addressee.name} {addressee.short_name}".lower()
    return any(marker in name for marker in PARLIAMENT_MARKERS)


def lobbyregister_prepare(
    *, paper: PositionPaperPage, year: int | None = None
) -> PositionPaperPage | None:
    """Attach the statement's regulatory project and recipient groups, or None if there is
    no statement: no federal dispatch (in ``year``) or no project with a register number.

    Expects a paper from ``paper_get_public``/``papers_public`` (dispatches prefetched).
    """
    federal = [
        d
        for d in paper.dispatches.all()
        if d.addressee.level == Level.BUND and (year is None or d.sent_on.year == year)
    ]
    numbered = [p for p in paper.regulatory_projects.all() if p.lobbyregister_number]
    if not federal or not numbered:
        return None
    paper.lobbyregister_project = min(numbered, key=lambda p: p.pk)
    groups: dict = {}
    for dispatch in sorted(federal, key=lambda d: (d.sent_on, d.sort_order or 0, d.pk)):
        group = groups.setdefault(
            dispatch.sent_on, {"sendingDate": dispatch.sent_on, "parliament": [], "government": []}
        )
        entry = {"title": dispatch.addressee.name, "shortTitle": dispatch.addressee.short_name}
        kind = "parliament" if addressee_is_parliament(dispatch.addressee) else "government"
        if entry not in group[kind]:
            group[kind].append(entry)
    paper.lobbyregister_groups = list(groups.values())
    return paper


def lobbyregister_statements(*, year: int, scope=None) -> list[PositionPaperPage]:
    """The public papers with federal dispatches in ``year``, prepared as statements."""
    papers = (
        papers_public(scope=scope)
        .filter(dispatches__addressee__level=Level.BUND, dispatches__sent_on__year=year)
        .distinct()
        .prefetch_related("regulatory_projects")
        .order_by("publication_date", "pk")
    )
    return [p for p in (lobbyregister_prepare(paper=p, year=year) for p in papers) if p]
