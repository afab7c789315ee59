"""German text analysis: folding, compounds and the normaliser (chains: search.analysis.chains)."""

from search.analysis.compounds import MIN_PART, lexicon, split_compound
from search.analysis.folding import STOP_WORDS, WORD_RE, fold, stem, words
from search.analysis.normalise import (
    SEGMENT_BREAK,
    NormalisedText,
    Term,
    analyse,
    analyse_word,
    normalise,
    terms_of,
)

__all__ = [
    "MIN_PART",
    "SEGMENT_BREAK",
    "STOP_WORDS",
    "WORD_RE",
    "NormalisedText",
    "Term",
    "analyse",
    "analyse_word",
    "fold",
    "lexicon",
    "normalise",
    "split_compound",
    "stem",
    "terms_of",
    "words",
]
