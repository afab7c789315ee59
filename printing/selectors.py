"""Reads of generated PDFs: which papers still need one, which one is public."""

from django.db.models import F, Q, QuerySet

from printing.models import PaperPrint
from workgroups.models import PositionPaperPage
from workgroups.selectors import PublicScope, papers_public, public_scope


def papers_print_due(*, scope: PublicScope | None = None) -> QuerySet[PositionPaperPage]:
    """Public papers without an uploaded public PDF whose live revision has no print yet."""
    return (
        papers_public(scope=scope)
        .filter(Q(pdf__isnull=True) | Q(pdf_restricted=True))
        .filter(print_id__isnull=True)
    )


def paper_get_for_print(*, pk: int, scope: PublicScope) -> PositionPaperPage | None:
    """One public paper with what its print shows, or None."""
    return (
        papers_public(scope=scope).defer(None).prefetch_related("key_demands").filter(pk=pk).first()
    )


def print_get_public(*, pk: int, scope: PublicScope | None = None) -> PaperPrint | None:
    """A print while its paper is public and it belongs to the paper's live version."""
    scope = scope or public_scope()
    public = PositionPaperPage.objects.filter(scope.q())
    return (
        PaperPrint.objects.filter(pk=pk, page__in=public)
        .filter(revision_id=F("page__live_revision_id"))
        .first()
    )
