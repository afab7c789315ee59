"""Highlighting: the words a query matched, marked with <mark> in otherwise HTML-escaped text.

One highlighter for every backend, driven by the same normaliser that matched the
documents: it marks folded spellings and compound parts ("Fachkräftegewinnung" for the
query "Fachkraefte") that the node's own chain cannot analyse on a core-only node.
"""

import re
from functools import lru_cache
from html import escape

from search.analysis import WORD_RE, analyse_word
from search.query import ParsedQuery

FRAGMENT_SIZE = 180
MAX_FRAGMENTS = 3
# Pages of attached PDFs shown per hit.
MAX_PASSAGES = 3
ELLIPSIS = "…"
# Highlight within the first part of very long bodies only (fragments come from there).
MAX_SCAN = 60_000


class Highlighter:
    """Marks the words of one query; shared by all hits of a result page.

    Each distinct word is analysed and classified once per query (texts of one result page
    repeat most of their words), so a page of long bodies costs a few milliseconds.
    """

    def __init__(self, query: ParsedQuery):
        self.query = query
        self.wholes, self.parts = query.highlight_terms()
        # Surface words seen so far, and those among them that match as a whole word or
        # as a compound part: a text's words are then sorted with set operations.
        self._seen: set[str] = set()
        self._whole_matches: set[str] = set()
        self._part_matches: set[str] = set()

    def _learn(self, words: set[str]) -> None:
        for word in words - self._seen:
            term = analyse_word(word)
            if term is None:
                continue
            if term.whole in self.wholes or not self.wholes.isdisjoint(term.spans):
                self._whole_matches.add(word)
            if self.parts and (term.whole in self.parts or not self.parts.isdisjoint(term.spans)):
                self._part_matches.add(word)
        self._seen |= words

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of matched words; compound parts count only if no whole term matched."""
        text = text[:MAX_SCAN]
        unique = set(WORD_RE.findall(text))
        self._learn(unique)
        chosen = (unique & self._whole_matches) or (unique & self._part_matches)
        if not chosen:
            return []
        return [m.span() for m in _words_pattern(frozenset(chosen)).finditer(text)]

    def text(self, text: str) -> str | None:
        """The whole text with matches marked, or None if nothing matched."""
        if not text or self.query.is_empty:
            return None
        spans = self.spans(text)
        return _mark(text, spans) if spans else None

    def fragments(
        self, text: str, *, size: int = FRAGMENT_SIZE, limit: int = MAX_FRAGMENTS
    ) -> list[str]:
        """Up to ``limit`` passages around matches (most matched words first)."""
        if not text or self.query.is_empty:
            return []
        windows: list[tuple[int, int, list[tuple[int, int]]]] = []
        for start, end in self.spans(text):
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
            marked = _mark(text[w_start:w_end], relative).replace("\n", " ")
            prefix = ELLIPSIS if w_start > 0 else ""
            suffix = ELLIPSIS if w_end < len(text) else ""
            fragments.append(f"{prefix}{marked.strip()}{suffix}")
        return fragments

    def passages(self, passages: list[dict], *, limit: int = MAX_PASSAGES) -> list[dict]:
        """Pages of attached PDFs that match: {page, highlight}, most matched words first."""
        if self.query.is_empty:
            return []
        found = []
        for passage in passages:
            text = passage.get("text") or ""
            spans = self.spans(text)
            if not spans:
                continue
            distinct = len({text[s:e].lower() for s, e in spans})
            found.append((-distinct, passage["page"], text))
        found.sort(key=lambda item: item[:2])
        return [
            {"page": page, "highlight": self.fragments(text, limit=1)[0]}
            for _distinct, page, text in found[:limit]
        ]

    def hit(self, texts: dict[str, str]) -> dict:
        return {
            "title": self.text(texts.get("title", "")),
            "summary": self.text(texts.get("summary", "")),
            "body": self.fragments(texts.get("body", "")),
        }


@lru_cache(maxsize=256)
def _words_pattern(surface_words: frozenset[str]) -> re.Pattern:
    # Whole words only: not preceded or followed by another letter or digit. The lookahead
    # on the first letters lets the scan skip most positions at once (half the time).
    alternatives = "|".join(re.escape(w) for w in sorted(surface_words, key=len, reverse=True))
    firsts = "".join(sorted({re.escape(w[0]) for w in surface_words}))
    return re.compile(rf"(?=[{firsts}])(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    # html.escape is what Django's escape() does, without its lazy-string wrapper (a result
    # page marks a few hundred pieces); the caller marks the result safe where needed.
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


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
