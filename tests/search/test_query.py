"""Parsing the user's search text into clauses (search/query.py)."""

import pytest

from search.analysis import analyse_word
from search.query import query_parse


def clauses(text: str) -> list[tuple[str, bool]]:
    return [(c.text, c.negated) for c in query_parse(text).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Ein- und -ausfuhr von Waren",
        "Ein- oder -ausfuhr von Waren",
        "Ein-, -ausfuhr von Waren",
        "Ein- -ausfuhr von Waren",
        "Einfuhr, -ausfuhr von Waren",
    ],
)
def test_hyphen_after_und_oder_comma_or_cut_word_is_ellipsis_not_exclusion(text):
    parsed = query_parse(text)
    assert not parsed.negative
    ausfuhr = analyse_word("Ausfuhr").whole
    assert ausfuhr in {t.whole for c in parsed.positive for t in c.terms}


def test_hyphen_elsewhere_still_excludes():
    assert clauses("Cloud -Breitband") == [("Cloud", False), ("Breitband", True)]
    assert clauses("-Breitband Cloud") == [("Breitband", True), ("Cloud", False)]
    assert clauses('"Import und" -Export') == [("Import und", False), ("Export", True)]
