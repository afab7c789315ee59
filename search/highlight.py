"""Highlighting: the words a query matched, marked with <mark> in otherwise HTML-escaped text.

One highlighter for every backend, driven by the same normaliser that matched the
documents: it marks folded spellings and compound parts ("Fachkräftegewinnung" for the
query "Fachkraefte") that the node's own chain cannot analyse on a core-only node.
"""

from django.utils.html import escape

from search.analysis import analyse_word, words
from search.query import ParsedQuery

FRAGMENT_SIZE = 180
MAX_FRAGMENTS = 3
ELLIPSIS = "…"


def _matching_spans(text: str, targets: frozenset[str]) -> list[tuple[int, int]]:
    spans = []
    for match in words(text):
        term = analyse_word(match.group())
        if term is None:
            continue
        if term.whole in targets or targets.intersection(term.spans):
            spans.append(match.span())
    return spans


def matching_spans(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Character spans of the words a query matches; compound parts only if nothing else does."""
    wholes, parts = query.highlight_terms()
    spans = _matching_spans(text, wholes)
    if not spans and parts:
        spans = _matching_spans(text, parts)
    return spans


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def highlight_text(text: str, query: ParsedQuery) -> str | None:
    """The whole text with matches marked, or None if nothing matched."""
    if not text or query.is_empty:
        return None
    spans = matching_spans(text, query)
    return _mark(text, spans) if spans else None


def _window(text: str, center: int, size: int) -> tuple[int, int]:
    start = max(0, center - size // 3)
    end = min(len(text), start + size)
    start = max(0, end - size)
    # Whole words only: move the edges to the nearest spaces inside the window.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < center else start
    if end < len(text):
        space = text.rfind(" ", center, end)
        end = space if space > center else end
    return start, end


def highlight_fragments(
    text: str, query: ParsedQuery, *, size: int = FRAGMENT_SIZE, limit: int = MAX_FRAGMENTS
) -> list[str]:
    """Up to ``limit`` passages around matches (most matched words first), marked and escaped."""
    if not text or query.is_empty:
        return []
    spans = matching_spans(text, query)
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in spans:
        if windows and start < windows[-1][1]:
            if end <= windows[-1][1]:
                windows[-1][2].append((start, end))
            continue
        w_start, w_end = _window(text, start, size)
        windows.append((w_start, w_end, [(start, end)]))
    best = sorted(windows, key=lambda w: (-len({text[s:e].lower() for s, e in w[2]}), w[0]))
    fragments = []
    for w_start, w_end, inside in best[:limit]:
        relative = [(s - w_start, e - w_start) for s, e in inside]
        passage = text[w_start:w_end]
        marked = _mark(passage, relative).replace("\n", " ")
        prefix = ELLIPSIS if w_start > 0 else ""
        suffix = ELLIPSIS if w_end < len(text) else ""
        fragments.append(f"{prefix}{marked.strip()}{suffix}")
    return fragments


def highlight_hit(texts: dict[str, str], query: ParsedQuery) -> dict:
    return {
        "title": highlight_text(texts.get("title", ""), query),
        "summary": highlight_text(texts.get("summary", ""), query),
        "body": highlight_fragments(texts.get("body", ""), query),
    }
