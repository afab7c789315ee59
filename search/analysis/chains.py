"""Elasticsearch analysis chains: the node-side German analysers on top of our normaliser.

The Python normaliser (search/analysis/normalise.py) guarantees the German behaviour on
every backend (it feeds the *_norm fields). These chains analyse the raw text fields on top
of that: the "core" chain uses only what a node without the analysis-common module offers
(the integ-test distribution in CI): standard tokenizer, hunspell (case-sensitive, so before
lowercase), lowercase, German stop words. The "full" chain is for the official image.
Plain dicts: nothing here imports the Elasticsearch client.
"""

from django.conf import settings

from search.analysis.compounds import MIN_PART

CORE_CHAIN = "core"
FULL_CHAIN = "full"
CHAINS = (CORE_CHAIN, FULL_CHAIN)

GERMAN_ANALYZER = "sprachrohr_german"
NORM_ANALYZER = "whitespace"  # built in: our normaliser already produced the tokens
SPELL_ANALYZER = "standard"  # built in: lower-cased surface words for did-you-mean
COMPLETION_ANALYZER = "standard"  # inputs are folded in Python before indexing


def es_analysis(chain: str) -> dict:
    """The ``analysis`` index settings of a chain."""
    if chain == CORE_CHAIN:
        return {
            "filter": {
                "sprachrohr_hunspell_de": {"type": "hunspell", "locale": "de_DE", "dedup": True},
                "sprachrohr_stop_de": {"type": "stop", "stopwords": "_german_"},
            },
            "analyzer": {
                GERMAN_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["sprachrohr_hunspell_de", "lowercase", "sprachrohr_stop_de"],
                }
            },
        }
    if chain == FULL_CHAIN:
        filters = {
            "sprachrohr_stop_de": {"type": "stop", "stopwords": "_german_"},
            "sprachrohr_normalization_de": {"type": "german_normalization"},
            "sprachrohr_stemmer_de": {"type": "stemmer", "language": "light_german"},
        }
        # Normalise before decompounding: the word list (`search_index wordlist`) is folded
        # the same way (ä/ae → a, ß → ss).
        chain_filters = ["lowercase", "sprachrohr_stop_de", "sprachrohr_normalization_de"]
        word_list = getattr(settings, "SEARCH_ES_DECOMPOUND_WORD_LIST", "")
        if word_list:
            filters["sprachrohr_decompounder_de"] = {
                "type": "dictionary_decompounder",
                "word_list_path": word_list,
                "min_subword_size": MIN_PART,
                "only_longest_match": True,
            }
            chain_filters.append("sprachrohr_decompounder_de")
        chain_filters.append("sprachrohr_stemmer_de")
        return {
            "filter": filters,
            "analyzer": {
                GERMAN_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": chain_filters,
                }
            },
        }
    raise ValueError(f"Unknown analysis chain {chain!r}")
