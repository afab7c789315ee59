"""Rendering a public paper's current version to PDF (WeasyPrint) and keeping it per version."""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from printing.models import PaperPrint
from printing.selectors import paper_get_for_print, papers_print_due
from workgroups.api.richtext import body_blocks, body_rich_texts, link_targets_resolve
from workgroups.models import PositionPaperPage
from workgroups.selectors import PublicScope, public_scope

logger = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# PDF/UA-1: tagged structure, document language and title, embedded fonts.
PDF_VARIANT = "pdf/ua-1"
# How many due papers one short render run looks at (it renders far fewer in its second).
PRINTS_LOOKAHEAD = 50


def paper_print_html(*, paper: PositionPaperPage, scope: PublicScope) -> str:
    """The paper as one HTML document in the association's print layout."""
    targets = link_targets_resolve(body_rich_texts(paper.body), scope=scope)
    blocks = body_blocks(paper.body, targets=targets)
    for block in blocks:
        if block["type"] == "paragraph":
            # Sanitised by rich_text_html: allowed tags and checked links only.
            block["value"] = mark_safe(block["value"])  # noqa: S308
    demands = [block for block in blocks if block["type"] == "demand"]
    groups = [paper.lead_group_name] if paper.lead_group_name else []
    groups += [g.title for g in paper.co_working_groups.all() if g.title not in groups]
    return render_to_string(
        "printing/paper.html",
        {
            "paper": paper,
            "association": settings.WAGTAIL_SITE_NAME,
            "working_groups": groups,
            "key_demands": [demand.text for demand in paper.key_demands.all()],
            "demands": demands,
            "blocks": [block for block in blocks if block["type"] != "demand"],
            "paper_url": f"{settings.FRONTEND_URL}{paper.frontend_url}",
            "fonts_url": FONTS_DIR.as_uri(),
        },
    )


def paper_pdf_render(*, paper: PositionPaperPage, scope: PublicScope) -> bytes:
    """The paper as a tagged PDF with embedded fonts and German hyphenation."""
    from weasyprint import HTML

    html = paper_print_html(paper=paper, scope=scope)
    return HTML(string=html, base_url=settings.FRONTEND_URL + "/").write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True
    )


def paper_print_create(*, paper: PositionPaperPage, scope: PublicScope) -> PaperPrint | None:
    """Render and keep the PDF of the paper's live revision (None if another process won)."""
    pdf = paper_pdf_render(paper=paper, scope=scope)
    name = f"{slugify(paper.citation_id) or paper.slug}-v{slugify(paper.version_label)}.pdf"
    record = PaperPrint(
        page_id=paper.pk, revision_id=paper.live_revision_id, version_label=paper.version_label
    )
    record.file.save(name, ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        # Two workers rendered the same version: the first one's file stays.
        record.file.delete(save=False)
        return None
    return record


def prints_render_due(*, scope: PublicScope | None = None, progress=None) -> int:
    """Render the PDF of every public paper whose current version has none yet; the count.

    Idempotent and independent of task order: it renders what is live when it runs, so a
    run that comes late for an older version renders the newer one.
    """
    scope = scope or public_scope()
    ids = list(papers_print_due(scope=scope).values_list("pk", flat=True))
    return sum(_render(pk, scope) for pk in (progress(ids) if progress else ids))


def prints_render_some(*, below: int | None = None, seconds: float) -> tuple[int, int | None]:
    """Render due PDFs, newest papers first (ids below ``below``), for about ``seconds``.

    Returns the count and the id to go on below, or None when nothing is left: a worker
    renders a backlog (after an import: thousands) in short runs, so index updates and
    e-mails queued meanwhile do not wait for all of it.
    """
    scope = public_scope()
    due = papers_print_due(scope=scope).order_by("-pk").values_list("pk", flat=True)
    if below is not None:
        due = due.filter(pk__lt=below)
    # Only the next few ids: a run renders a handful, not the whole backlog's id list.
    ids = list(due[:PRINTS_LOOKAHEAD])
    rendered, started = 0, time.monotonic()
    for tried, pk in enumerate(ids):
        if tried and time.monotonic() - started >= seconds:
            return rendered, pk + 1  # at least one per run, so a chain always moves on
        rendered += _render(pk, scope)
    return rendered, (ids[-1] if len(ids) == PRINTS_LOOKAHEAD else None)


def _render(pk: int, scope: PublicScope) -> bool:
    paper = paper_get_for_print(pk=pk, scope=scope)
    if paper is None:
        return False
    try:
        return paper_print_create(paper=paper, scope=scope) is not None
    except Exception:  # noqa: BLE001
        # One paper the renderer chokes on must not keep the others from their PDF.
        logger.exception("PDF-Fassung von Papier %s nicht erzeugt", pk)
        return False
