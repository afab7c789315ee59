"""The user's search text parsed into clauses of normalised German terms (no engine syntax)."""

import re
from dataclasses import dataclass, field

from search.analysis import Term, analyse, words

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 24

# A quoted phrase (the closing quote may be missing) or a bare token, each optionally negated.
_TOKEN_RE = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
# "Ein- und -ausfuhr", "Import, -export": a leading hyphen after these words, after a comma or
# after a word cut off with a hyphen is German ellipsis (the word's other half), not an exclusion.
_ELLIPSIS_AFTER = frozenset({"und", "oder", "sowie", "bzw.", "bzw", "u."})


@dataclass(frozen=True)
class Clause:
    """A word or a phrase that must (or, negated, must not) occur."""

    text: str
    terms: tuple[Term, ...]
    negated: bool = False
    # Other ways of saying the same (editors' synonyms, search/synonyms.py): any one matches.
    alternatives: tuple["Clause", ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1

    @property
    def variants(self) -> tuple["Clause", ...]:
        """The clause itself and each of its alternatives."""
        return (self, *self.alternatives)


@dataclass(frozen=True)
class ParsedQuery:
    """What the user asked for, independent of any search engine's query syntax.

    The text is never handed to an engine's query parser: every backend builds structured
    queries from these clauses, so quotes, brackets or operators in the input are just text.
    """

    text: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    @property
    def is_empty(self) -> bool:
        """No text at all: list everything (browse)."""
        return not self.text.strip()

    @property
    def matches_nothing(self) -> bool:
        """Text was given but nothing searchable is left (only stop words or punctuation)."""
        return not self.is_empty and not self.positive

    @property
    def phrase_terms(self) -> tuple[Term, ...]:
        """All positive terms in order: a document containing them as a phrase ranks higher."""
        return tuple(t for c in self.positive for t in c.terms)

    def highlight_terms(self) -> tuple[frozenset[str], frozenset[str]]:
        """(stems to mark, compound part stems to mark when the stems are not found)."""
        terms = [t for c in self.positive for v in c.variants for t in v.terms]
        wholes = frozenset(t.whole for t in terms)
        parts = frozenset(p for t in terms for p in t.parts_apart)
        return wholes, parts

    def surface_words(self) -> list[str]:
        """The user's own words of the positive clauses (for did-you-mean)."""
        return [t.word for t in self.phrase_terms]


def query_parse(text: str) -> ParsedQuery:
    """Parse search text: words (all required), "quoted phrases", -excluded words."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    clauses: list[Clause] = []
    previous = None
    for match in _TOKEN_RE.finditer(text):
        raw = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        negated = bool(match.group("neg")) and not _continues_ellipsis(text, previous, match)
        previous = match
        if not raw:
            continue
        # A hyphenated or punctuated token ("KI-Verordnung") is a phrase of its words.
        terms = tuple(analyse(raw))
        if not terms:
            continue
        surface = " ".join(m.group() for m in words(raw))
        clauses.append(Clause(text=surface, terms=terms, negated=negated))
        if len(clauses) >= MAX_CLAUSES:
            break
    return ParsedQuery(text=text, clauses=tuple(clauses))


def _continues_ellipsis(text: str, previous: re.Match | None, match: re.Match) -> bool:
    """Whether the hyphen of ``match`` completes a German ellipsis ("Ein- und -ausfuhr")."""
    if previous is None or previous.group("word") is None:
        return False
    before = previous.group("word")
    return (
        before.endswith(("-", ","))
        or "," in text[previous.end() : match.start()]
        or before.lower() in _ELLIPSIS_AFTER
    )
