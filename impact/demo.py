"""Demo step: recorded outcomes for the demands of one demo paper (idempotent)."""

import datetime as dt

from impact.models import DemandImpact, ImpactStatus
from impact.selectors import demand_blocks
from impact.services import demand_impact_record
from workgroups.models import PositionPaperPage

DEMO_PAPER = "nis2-umsetzung-stellungnahme"
DEMO_OUTCOMES = [
    {
        "status": ImpactStatus.PARTLY_ADOPTED,
        "law_text": "Das BSI stellt eine Hilfe zur Prüfung der eigenen Betroffenheit bereit.",
        "decided_on": dt.date(2025, 11, 13),
        "note": "Beispieldaten: als Hilfe, nicht als verbindliches Werkzeug.",
    },
    {
        "status": ImpactStatus.ADOPTED,
        "law_text": "Meldungen gehen über ein gemeinsames Meldeportal des BSI.",
        "decided_on": dt.date(2025, 11, 13),
        "note": "Beispieldaten.",
    },
    {
        "status": ImpactStatus.NOT_ADOPTED,
        "law_text": "Keine Regelung.",
        "decided_on": dt.date(2025, 11, 13),
    },
]


def impact_demo(load) -> None:
    """Outcomes for the first demands of the NIS2 statement, unless some are recorded already."""
    paper = PositionPaperPage.objects.filter(slug=DEMO_PAPER, live=True).first()
    if paper is None or DemandImpact.objects.filter(page=paper).exists():
        return
    for block, outcome in zip(demand_blocks(paper), DEMO_OUTCOMES, strict=False):
        demand_impact_record(paper=paper, block_id=block["id"], **outcome)
        load.created["demand_impacts"] += 1
