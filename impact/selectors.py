"""Reads of recorded impact: per demand of a paper, and counted over public papers."""

from collections import Counter, defaultdict

from django.db.models import QuerySet

from impact.models import DemandImpact, ImpactStatus
from workgroups.models import PositionPaperPage
from workgroups.selectors import PublicScope, papers_public, public_scope


def demand_blocks(paper: PositionPaperPage) -> list[dict]:
    """The paper's demand blocks (raw: id and value) in the order of its body."""
    raw = paper.body.raw_data if paper.body else []
    return [item for item in raw if item.get("type") == "demand" and item.get("id")]


def impacts_for_paper(*, paper: PositionPaperPage) -> dict[str, DemandImpact]:
    """The recorded impact of the paper's demands, by block id."""
    return {impact.block_id: impact for impact in DemandImpact.objects.filter(page=paper)}


def impact_attach(*, paper: PositionPaperPage, blocks: list[dict]) -> None:
    """Set ``impact`` on each demand block of a public body (None where nothing is recorded)."""
    recorded = impacts_for_paper(paper=paper)
    for block in blocks:
        if block["type"] == "demand":
            block["impact"] = recorded.get(block["id"])


def _papers_counted(
    *, scope: PublicScope, working_group: str | None, year: int | None
) -> QuerySet[PositionPaperPage]:
    papers = papers_public(scope=scope).defer(None)
    if working_group:
        papers = papers.filter(lead_group_slug=working_group)
    if year:
        papers = papers.filter(publication_date__year=year)
    return papers.only("id", "body", "publication_date", "path", "depth").prefetch_related(None)


def impact_summary(
    *,
    working_group: str | None = None,
    year: int | None = None,
    level: str | None = None,
    scope: PublicScope | None = None,
) -> dict:
    """Demands of public papers counted by outcome: in all, per working group, year and level.

    A demand counts in the live version of a public paper only (a record for a block that
    is no longer in it is not counted); without a record it is open. A paper's working
    group is its lead group; its level is that of its regulatory projects (a paper on a
    federal and a state law counts under both levels, once in the totals).
    """
    scope = scope or public_scope()
    papers = list(_papers_counted(scope=scope, working_group=working_group, year=year))
    levels: dict[int, set[str]] = defaultdict(set)
    for paper_id, project_level in PositionPaperPage.regulatory_projects.through.objects.filter(
        positionpaperpage_id__in=[p.pk for p in papers]
    ).values_list("positionpaperpage_id", "regulatoryproject__level"):
        levels[paper_id].add(project_level)
    recorded = {
        (impact.page_id, impact.block_id): impact.status
        for impact in DemandImpact.objects.filter(page__in=[p.pk for p in papers]).only(
            "page_id", "block_id", "status"
        )
    }
    total: Counter = Counter()
    by_group: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_year: dict[int, Counter] = defaultdict(Counter)
    by_level: dict[str, Counter] = defaultdict(Counter)
    for paper in papers:
        paper_levels = levels.get(paper.pk) or set()
        if level and level not in paper_levels:
            continue
        for block in demand_blocks(paper):
            status = recorded.get((paper.pk, block["id"]), ImpactStatus.OPEN)
            total[status] += 1
            if paper.lead_group_slug:
                by_group[(paper.lead_group_slug, paper.lead_group_name)][status] += 1
            by_year[paper.publication_date.year][status] += 1
            for paper_level in paper_levels:
                if not level or paper_level == level:
                    by_level[paper_level][status] += 1
    return {
        "total": total,
        "working_groups": sorted(by_group.items(), key=lambda item: item[0][1]),
        "years": sorted(by_year.items(), reverse=True),
        "levels": sorted(by_level.items()),
    }
