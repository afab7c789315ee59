"""The German normaliser, the query parser, the highlighter and the Elasticsearch chains."""

import pytest

from search.analysis import (
    CORE_CHAIN,
    FULL_CHAIN,
    analyse_word,
    es_analysis,
    es_analysis_problems,
    fold,
    normalise,
    split_compound,
)
from search.highlight import highlight_fragments, highlight_text
from search.query import query_parse


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Fachkräfte", "fachkrafte"),
        ("Fachkraefte", "fachkrafte"),
        ("Straße", "strasse"),
        ("Öffentlich", "offentlich"),
        ("Übergang", "ubergang"),
        ("Quelle", "quelle"),  # ue after q stays
        ("neue", "neue"),  # ue after a vowel stays
    ],
)
def test_fold(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Positionspapiere", "Positionspapier"),
        ("Gesetzes", "Gesetz"),
        ("Fachkräfte", "Fachkraefte"),
        ("Verordnungen", "Verordnung"),
        ("Kommunen", "Kommune"),
    ],
)
def test_inflections_share_a_stem(a, b):
    assert analyse_word(a).whole == analyse_word(b).whole


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fachkraftegewinnung", ("fach", "krafte", "gewinnung")),
        ("rechenzentren", ("rechen", "zentren")),
        ("positionspapiere", ("positions", "papiere")),
        ("mittelstand", ("mittel", "stand")),
        ("unternehmen", ()),  # a dictionary word is not split
        ("kommune", ()),
    ],
)
def test_split_compound(word, parts):
    assert split_compound(word) == parts


def test_compound_spans_contain_the_inner_compound():
    term = analyse_word("Fachkräftegewinnung")
    assert analyse_word("Fachkräfte").whole in term.spans
    assert analyse_word("Gewinnung").whole in term.spans


def test_stop_words_are_dropped():
    assert analyse_word("die") is None and analyse_word("für") is None
    assert normalise("für die Cloud").stream == analyse_word("Cloud").whole


def test_query_parse():
    query = query_parse('Cloud "digitale Verwaltung" -Breitband KI-Verordnung')
    assert [(c.text, c.negated, c.is_phrase) for c in query.clauses] == [
        ("Cloud", False, False),
        ("digitale Verwaltung", False, True),
        ("Breitband", True, False),
        ("KI Verordnung", False, True),
    ]
    assert query_parse("die der das").matches_nothing
    assert query_parse("   ").is_empty
    assert query_parse('"unclosed phrase').clauses[0].is_phrase


def test_highlight_escapes_and_marks():
    query = query_parse("Cloud")
    assert highlight_text("<b>Cloud</b> & mehr", query) == (
        "&lt;b&gt;<mark>Cloud</mark>&lt;/b&gt; &amp; mehr"
    )
    assert highlight_text("Nichts davon", query) is None
    text = ("Füllwort " * 60) + "die Cloud hier " + ("Füllwort " * 60) + "noch eine Cloud."
    fragments = highlight_fragments(text, query)
    assert len(fragments) == 2
    assert all("<mark>Cloud</mark>" in f for f in fragments)
    assert fragments[0].startswith("…")


@pytest.mark.parametrize("chain", [CORE_CHAIN, FULL_CHAIN])
def test_both_chain_definitions_are_well_formed(settings, chain):
    settings.SEARCH_ES_DECOMPOUND_WORD_LIST = "analysis/de_compounds.txt"
    analysis = es_analysis(chain)
    assert es_analysis_problems(chain, analysis) == []
    filters = analysis["analyzer"]["sprachrohr_german"]["filter"]
    if chain == FULL_CHAIN:
        types = [analysis["filter"][f]["type"] for f in filters if f in analysis["filter"]]
        assert types == [
            "stop",
            "german_normalization",
            "dictionary_decompounder",
            "stemmer",
        ]
    else:
        assert filters[:2] == ["sprachrohr_hunspell_de", "lowercase"]


def test_full_chain_without_word_list_still_normalises_and_stems(settings):
    settings.SEARCH_ES_DECOMPOUND_WORD_LIST = ""
    analysis = es_analysis(FULL_CHAIN)
    assert es_analysis_problems(FULL_CHAIN, analysis) == []
    assert "sprachrohr_decompounder_de" not in analysis["filter"]


def test_problems_are_detected():
    broken = es_analysis(CORE_CHAIN)
    broken["filter"]["sprachrohr_hunspell_de"]["type"] = "german_normalization"
    broken["analyzer"]["sprachrohr_german"]["filter"].append("missing")
    problems = es_analysis_problems(CORE_CHAIN, broken)
    assert any("not in core chain" in p for p in problems)
    assert any("undefined filter 'missing'" in p for p in problems)
    wrong_order = es_analysis(CORE_CHAIN)
    wrong_order["analyzer"]["sprachrohr_german"]["filter"] = [
        "lowercase",
        "sprachrohr_hunspell_de",
    ]
    assert es_analysis_problems(CORE_CHAIN, wrong_order) == [
        "analyzer sprachrohr_german: hunspell must run before lowercase"
    ]


@pytest.mark.elasticsearch
def test_core_chain_analyses_german_on_the_node(elasticsearch):
    from search.documents import alias_name

    tokens = elasticsearch.indexing_client.indices.analyze(
        index=alias_name("paper"),
        analyzer="sprachrohr_german",
        text="Die Gesetze für Unternehmen",
    )["tokens"]
    # hunspell may yield the same stem twice (noun and verb reading); stop words are gone.
    assert list(dict.fromkeys(t["token"] for t in tokens)) == ["gesetz", "unternehmen"]
