"""Recording what became of a paper's demands, without a new version of the paper."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from impact.models import DemandImpact, ImpactStatus
from impact.selectors import demand_blocks
from workgroups.models import PositionPaperPage
from workgroups.services.publication import publication_records_changed


def demand_impact_validate(
    *, status: str, printed_paper: str, dip_url: str, law_text: str, decided_on: dt.date | None
) -> None:
    """Raise a German ValidationError unless a decided outcome names its evidence and date."""
    if status == ImpactStatus.OPEN:
        return
    errors: dict[str, list[str]] = {}
    if not law_text.strip() and not (printed_paper.strip() and dip_url.strip()):
        errors["printed_paper"] = [
            _("Bitte als Beleg Drucksache und DIP-Link angeben oder den beschlossenen Wortlaut.")
        ]
    if decided_on is None:
        errors["decided_on"] = [_("Bitte das Datum der Entscheidung angeben.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def demand_impact_record(
    *,
    paper: PositionPaperPage,
    block_id: str,
    status: str,
    printed_paper: str = "",
    dip_url: str = "",
    law_text: str = "",
    decided_on: dt.date | None = None,
    note: str = "",
    user=None,
) -> DemandImpact:
    """Record (or update) the outcome of one demand of a published paper.

    The paper itself is not saved: no revision, no new version, no change in its history.
    Cached API answers and the frontend follow once the transaction is committed.
    """
    if block_id not in {block["id"] for block in demand_blocks(paper)}:
        raise ValidationError(_("Diese Forderung gibt es in der veröffentlichten Fassung nicht."))
    if status not in ImpactStatus.values:
        raise ValidationError({"status": [_("Unbekanntes Ergebnis.")]})
    demand_impact_validate(
        status=status,
        printed_paper=printed_paper,
        dip_url=dip_url,
        law_text=law_text,
        decided_on=decided_on,
    )
    impact = DemandImpact.objects.filter(page=paper, block_id=block_id).first() or DemandImpact(
        page=paper, block_id=block_id
    )
    impact.status = status
    impact.printed_paper = printed_paper.strip()
    impact.dip_url = dip_url.strip()
    impact.law_text = law_text.strip()
    impact.decided_on = decided_on
    impact.note = note.strip()
    impact.updated_by = user
    impact.full_clean()
    impact.save()
    publication_records_changed()
    return impact
