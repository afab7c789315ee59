"""The normaliser every backend shares: text → stems and compound spans, for index and query."""

import threading
from dataclasses import dataclass

from search.analysis.compounds import split_compound
from search.analysis.folding import FOLDED_STOP_WORDS, STOP_WORDS, WORD_RE, fold, stem

# Separates independent text segments in a database index column so that a phrase never
# matches across two fields (Elasticsearch gets the same effect from array position gaps).
SEGMENT_BREAK = "qqsegmentqq"

MIN_PARTS_APART = 3  # see Term.parts_apart
# Distinct words remembered by analyse_word(); the memo starts over beyond this.
TERM_CACHE_SIZE = 500_000


@dataclass(frozen=True)
class Term:
    """One analysed word: its stem, its compound parts and all sub-compounds for indexing."""

    word: str
    whole: str
    parts: tuple[str, ...] = ()
    spans: tuple[str, ...] = ()

    @property
    def index_terms(self) -> tuple[str, ...]:
        return (self.whole, *self.spans)

    @property
    def parts_apart(self) -> tuple[str, ...]:
        """The parts a query word may also match written apart (all of them, anywhere).

        Only for compounds of three or more parts ("Fachkräftegewinnung" → "Gewinnung von
        Fachkräften"). Two-part words would match any text that uses both common halves in
        unrelated words ("Fachkräfte" → "Fachanwendung … Innovationskraft").
        """
        return self.parts if len(self.parts) >= MIN_PARTS_APART else ()


_term_cache: dict[str, Term | None] = {}
_term_cache_lock = threading.Lock()


def analyse_word(word: str) -> Term | None:
    """Analyse one word; None for stop words. Memoised: vocabularies are small, texts are not."""
    cached = _term_cache.get(word, _term_cache)
    if cached is not _term_cache:
        return cached
    term = _analyse_word(word)
    with _term_cache_lock:
        if len(_term_cache) > TERM_CACHE_SIZE:
            _term_cache.clear()
        _term_cache[word] = term
    return term


def _analyse_word(word: str) -> Term | None:
    lower = word.lower()
    folded = fold(word)
    if lower in STOP_WORDS or folded in FOLDED_STOP_WORDS:
        return None
    whole = stem(folded)
    parts = split_compound(folded)
    if not parts:
        return Term(word=word, whole=whole)
    part_stems = tuple(stem(p) for p in parts)
    # Every contiguous run of parts except the whole word: "fach|krafte|gewinnung" yields
    # fach, kraft, gewinn, fachkraft, kraftegewinn – so "Fachkräfte" finds the compound.
    spans: list[str] = []
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            if j - i == len(parts):
                continue
            spans.append(stem("".join(parts[i:j])))
    unique_spans = tuple(dict.fromkeys(s for s in spans if s != whole))
    return Term(word=word, whole=whole, parts=part_stems, spans=unique_spans)


def analyse(text: str) -> list[Term]:
    """All non-stop-word terms of a text, in order."""
    # The memo is read inline (not through analyse_word per word): index documents run a
    # million words through here per thousand papers, nearly all of them known already.
    memo, terms = _term_cache, []
    for word in WORD_RE.findall(text or ""):
        term = memo.get(word, memo)
        if term is memo:
            term = analyse_word(word)
        if term is not None:
            terms.append(term)
    return terms


@dataclass(frozen=True)
class NormalisedText:
    """A text as normalised terms: the word stream (positions kept) and the compound parts."""

    stream: str
    parts: str

    def as_es(self) -> list[str]:
        # Two array values: Elasticsearch puts a position gap between them, so phrase queries
        # over the word stream never see the appended compound parts.
        return [self.stream, self.parts] if self.parts else [self.stream]

    def as_db(self) -> str:
        return f"{self.stream} {SEGMENT_BREAK} {self.parts}" if self.parts else self.stream


def normalise(*texts: str) -> NormalisedText:
    """Normalise one or more texts (each its own segment) for a norm field."""
    streams: list[str] = []
    parts: list[str] = []
    for text in texts:
        terms = analyse(text)
        if not terms:
            continue
        streams.append(" ".join(t.whole for t in terms))
        parts.extend(s for t in terms for s in t.spans)
    stream = f" {SEGMENT_BREAK} ".join(streams)
    return NormalisedText(stream=stream, parts=" ".join(parts))


def terms_of(text: str) -> set[str]:
    """Every index term of a text (stems and compound spans) as a set, for field checks."""
    out: set[str] = set()
    for term in analyse(text):
        out.update(term.index_terms)
    return out
