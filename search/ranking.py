"""Ranking and did-you-mean parameters every backend applies the same way (no engine code)."""

from dataclasses import dataclass

# Field weights: title first, then the topical metadata (tags, addressees, regulatory
# projects, groups), then summary and subtitle, the "at a glance" verdict and demands, and
# the body last. Elasticsearch boosts its fields by them, the database backend scores the
# best field per query word with them.
FIELD_WEIGHTS = {"title": 6.0, "keywords": 4.0, "summary": 3.0, "lead": 2.0, "body": 1.0}
# A query word found in one of the weighted fields only as a compound part ("Ausfuhr" in
# "Ausfuhrkontrollgesetz") counts like a body match: exact words beat compound parts.
COMPOUND_PART_WEIGHT = FIELD_WEIGHTS["body"]
# Names of the paper's working groups (indexed with the keywords, scored like the body).
GROUP_WEIGHT = FIELD_WEIGHTS["body"]
# Text inside attached PDFs (Elasticsearch; the database backend counts it as body).
PDF_WEIGHT = 0.5
# A phrase of all query words counts this much more than the words scattered: in long bodies
# the exact phrase (a section heading word for word) must beat words spread over the text.
PHRASE_BOOST = 6.0
# Query words at most this many positions apart (Elasticsearch: a sloppy phrase) add this.
PROXIMITY_SLOP = 3
PROXIMITY_BOOST = 2.0
# Superseded papers rank below current ones that match as well.
SUPERSEDED_FACTOR = 0.25


@dataclass(frozen=True)
class DidYouMean:
    """When a word of a query that found nothing gets a correction, and how close it must be."""

    # Shorter words are left alone (abbreviations, "KI", "NIS").
    min_word_length: int = 4
    # A correction differs by at most this many letters (the database backend compares
    # lengths, Elasticsearch counts edits).
    max_edits: int = 2
    # The first letters of a correction are the user's own.
    prefix_length: int = 1
    # Least difflib similarity of a correction (database backend; Elasticsearch ranks by
    # its own score and takes the best).
    min_similarity: float = 0.75


DID_YOU_MEAN = DidYouMean()
