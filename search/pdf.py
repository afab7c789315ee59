"""Text inside PDFs, page by page (pypdf), extracted once per file content for the index."""

import hashlib
import logging
import re
from collections.abc import Callable
from typing import IO

from pypdf import PdfReader

from search.models import PdfText

logger = logging.getLogger(__name__)

# Beyond these, a PDF is an annex nobody searches page by page; the index stays small.
MAX_PAGES = 500
MAX_PAGE_CHARS = 20_000

# "Digitali-\nsierung" → "Digitalisierung"; before a capital the hyphen stays ("IT-Sicherheit").
_HYPHEN_BREAK_RE = re.compile(r"(?<=[a-zäöüß])-\s*\n\s*(?=[a-zäöüß])")
_HYPHEN_CAPITAL_RE = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=[A-ZÄÖÜ])")
_SPACE_RE = re.compile(r"\s+")


def pdf_pages(file: IO[bytes]) -> list[str]:
    """The text of each page of a PDF (any binary file object); [] if it cannot be read.

    For every PDF alike: uploaded documents and PDFs the platform generates.
    """
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Protected against editing only (empty user password): still readable.
            reader.decrypt("")
        pages = []
        for page in reader.pages[:MAX_PAGES]:
            text = _HYPHEN_BREAK_RE.sub("", page.extract_text() or "")
            text = _HYPHEN_CAPITAL_RE.sub("-", text)
            pages.append(_SPACE_RE.sub(" ", text).strip()[:MAX_PAGE_CHARS])
    except Exception as exc:  # noqa: BLE001 - a broken PDF must not stop indexing the paper
        logger.warning("PDF nicht lesbar, ohne seinen Text indexiert: %s", exc)
        return []
    return pages


def pdf_pages_cached(*, file_hash: str, open_file: Callable[[], IO[bytes]]) -> list[str]:
    """The pages of a PDF from the cache by its content hash, extracted on first use."""
    cached = PdfText.objects.filter(file_hash=file_hash).values_list("pages", flat=True).first()
    if cached is not None:
        return cached
    try:
        with open_file() as handle:
            pages = pdf_pages(handle)
    except (OSError, ValueError) as exc:
        # The file is missing (storage not mounted?): index without it, try again next time.
        logger.warning("PDF-Datei nicht lesbar: %s", exc)
        return []
    PdfText.objects.update_or_create(file_hash=file_hash, defaults={"pages": pages})
    return pages


def passages_of(pages: list[str]) -> list[dict]:
    """Index passages of a PDF: one per page with text, numbered from 1 as printed."""
    return [{"page": number, "text": text} for number, text in enumerate(pages, 1) if text]


def document_passages(document) -> list[dict]:
    """Passages of an uploaded Wagtail document that is a PDF ([] for other files)."""
    if (document.file_extension or "").lower() != "pdf":
        return []
    file_hash = document.file_hash or _hash(document)
    if not file_hash:
        return []
    return passages_of(
        pdf_pages_cached(file_hash=file_hash, open_file=lambda: document.file.open("rb"))
    )


def _hash(document) -> str:
    try:
        with document.file.open("rb") as handle:
            return hashlib.sha1(handle.read()).hexdigest()
    except (OSError, ValueError):
        return ""
