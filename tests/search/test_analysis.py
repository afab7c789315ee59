"""The German normaliser, the query parser, the highlighter and the Elasticsearch chains."""

import pytest

from search.analysis import analyse_word, fold, normalise, split_compound
from search.analysis.chains import CORE_CHAIN, FULL_CHAIN, es_analysis
from search.highlight import Highlighter
from search.query import query_parse

# Filter and tokenizer types each chain may use (the node's modules decide availability).
CORE_FILTER_TYPES = frozenset({"hunspell", "stop", "lowercase", "shingle"})
FULL_FILTER_TYPES = CORE_FILTER_TYPES | {
    "german_normalization",
    "stemmer",
    "dictionary_decompounder",
    "hyphenation_decompounder",
    "asciifolding",
}
BUILTIN_FILTERS = frozenset({"lowercase"})
BUILTIN_TOKENIZERS = frozenset({"standard"})


def chain_problems(chain: str, analysis: dict) -> list[str]:
    """Structural problems of an analysis definition (empty if well-formed)."""
    allowed = CORE_FILTER_TYPES if chain == CORE_CHAIN else FULL_FILTER_TYPES
    problems = []
    filters = analysis.get("filter", {})
    for name, definition in filters.items():
        if definition.get("type") not in allowed:
            problems.append(f"filter {name}: type {definition.get('type')!r} not in {chain} chain")
        if definition.get("type") == "hunspell" and not definition.get("locale"):
            problems.append(f"filter {name}: hunspell needs a locale")
        decompounder = definition.get("type") in {
            "dictionary_decompounder",
            "hyphenation_decompounder",
        }
        if decompounder and not (definition.get("word_list") or definition.get("word_list_path")):
            problems.append(f"filter {name}: decompounder needs a word list")
        if definition.get("type") == "stemmer" and not definition.get("language"):
            problems.append(f"filter {name}: stemmer needs a language")
    for name, analyzer in analysis.get("analyzer", {}).items():
        if analyzer.get("type") != "custom":
            problems.append(f"analyzer {name}: must be custom")
        if analyzer.get("tokenizer") not in BUILTIN_TOKENIZERS:
            problems.append(f"analyzer {name}: tokenizer {analyzer.get('tokenizer')!r}")
        chain_filters = analyzer.get("filter", [])
        for filter_name in chain_filters:
            if filter_name not in filters and filter_name not in BUILTIN_FILTERS:
                problems.append(f"analyzer {name}: undefined filter {filter_name!r}")
        hunspell = [f for f in chain_filters if filters.get(f, {}).get("type") == "hunspell"]
        if (
            hunspell
            and "lowercase" in chain_filters
            and chain_filters.index(hunspell[0]) > chain_filters.index("lowercase")
        ):
            problems.append(f"analyzer {name}: hunspell must run before lowercase")
    return problems


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
    highlighter = Highlighter(query_parse("Cloud"))
    assert highlighter.text("<b>Cloud</b> & mehr") == (
        "&lt;b&gt;<mark>Cloud</mark>&lt;/b&gt; &amp; mehr"
    )
    assert highlighter.text("Nichts davon") is None
    text = ("Füllwort " * 60) + "die Cloud hier " + ("Füllwort " * 60) + "noch eine Cloud."
    fragments = highlighter.fragments(text)
    assert len(fragments) == 2
    assert all("<mark>Cloud</mark>" in f for f in fragments)
    assert fragments[0].startswith("…")


@pytest.mark.parametrize("chain", [CORE_CHAIN, FULL_CHAIN])
def test_both_chain_definitions_are_well_formed(settings, chain):
    settings.SEARCH_ES_DECOMPOUND_WORD_LIST = "analysis/de_compounds.txt"
    analysis = es_analysis(chain)
    assert chain_problems(chain, analysis) == []
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
    assert chain_problems(FULL_CHAIN, analysis) == []
    assert "sprachrohr_decompounder_de" not in analysis["filter"]


def test_problems_are_detected():
    broken = es_analysis(CORE_CHAIN)
    broken["filter"]["sprachrohr_hunspell_de"]["type"] = "german_normalization"
    broken["analyzer"]["sprachrohr_german"]["filter"].append("missing")
    problems = chain_problems(CORE_CHAIN, broken)
    assert any("not in core chain" in p for p in problems)
    assert any("undefined filter 'missing'" in p for p in problems)
    wrong_order = es_analysis(CORE_CHAIN)
    wrong_order["analyzer"]["sprachrohr_german"]["filter"] = [
        "lowercase",
        "sprachrohr_hunspell_de",
    ]
    assert chain_problems(CORE_CHAIN, wrong_order) == [
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
