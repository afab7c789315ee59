"""Editors' synonyms and abbreviations applied to a parsed query (KI ↔ Künstliche Intelligenz)."""

import threading
from dataclasses import replace

from cms.versions import index_generation, index_generation_bump
from search.analysis import analyse, words
from search.models import SearchSynonym, synonym_terms
from search.query import Clause, ParsedQuery

# term stems of one spelling → the other spellings of its entry, as clauses
Lookup = dict[tuple[str, ...], tuple[Clause, ...]]

_lock = threading.Lock()
# (index generation, lookup): a saved synonym replaces the generation (synonyms_changed).
_cached: tuple[str, Lookup] | None = None


def _clause(text: str) -> Clause | None:
    terms = tuple(analyse(text))
    if not terms:
        return None
    return Clause(text=" ".join(m.group() for m in words(text)), terms=terms)


def _key(clause: Clause) -> tuple[str, ...]:
    return tuple(t.whole for t in clause.terms)


def synonyms_lookup() -> Lookup:
    """Every spelling of every entry with its alternatives (cached per index generation)."""
    global _cached
    token = index_generation()
    cached = _cached
    if cached and cached[0] == token:
        return cached[1]
    lookup: dict[tuple[str, ...], list[Clause]] = {}
    for text in SearchSynonym.objects.values_list("terms", flat=True):
        clauses = [c for c in map(_clause, synonym_terms(text)) if c is not None]
        for clause in clauses:
            others = lookup.setdefault(_key(clause), [])
            known = {_key(o) for o in others}
            for other in clauses:
                if _key(other) != _key(clause) and _key(other) not in known:
                    others.append(other)
                    known.add(_key(other))
    result = {key: tuple(others) for key, others in lookup.items() if others}
    with _lock:
        _cached = (token, result)
    return result


def synonyms_expand(query: ParsedQuery, *, lookup: Lookup | None = None) -> ParsedQuery:
    """The query with each clause (or run of clauses) that is an editor's term widened.

    "KI Mittelstand" becomes (KI or "Künstliche Intelligenz") and Mittelstand; the words
    "Künstliche Intelligenz" typed apart become the phrase or KI.
    """
    lookup = synonyms_lookup() if lookup is None else lookup
    if not lookup or not query.clauses:
        return query
    longest = max(len(key) for key in lookup)
    clauses = list(query.clauses)
    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        for size in range(min(longest, len(clauses) - i), 0, -1):
            run = clauses[i : i + size]
            if any(c.negated != run[0].negated for c in run):
                continue
            alternatives = lookup.get(tuple(t.whole for c in run for t in c.terms))
            if not alternatives:
                continue
            merged = run[0]
            if size > 1:
                merged = Clause(
                    text=" ".join(c.text for c in run),
                    terms=tuple(t for c in run for t in c.terms),
                    negated=run[0].negated,
                )
            out.append(replace(merged, alternatives=alternatives))
            i += size
            break
        else:
            out.append(clauses[i])
            i += 1
    return ParsedQuery(text=query.text, clauses=tuple(out))


def synonyms_changed() -> None:
    """After an editor saved or deleted synonyms: cached search answers and lookups are stale."""
    index_generation_bump()
