"""German text analysis: the Python normaliser shared by every backend and the Elasticsearch chains."""

import logging
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from django.conf import settings

logger = logging.getLogger(__name__)

# Snowball's German stop word list (the same list Elasticsearch's ``_german_`` uses), plus
# the post-1996 spelling "dass".
_STOP_WORDS_TEXT = """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den
    des dem die das dass daß derselbe derselben denselben desselben demselben dieselbe
    dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich
    dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen
    einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas
    euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten
    hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist
    jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem
    keinen keiner keines können könnte machen man manche manchem manchen mancher manches
    mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur
    ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so
    solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere
    unserem unseren unser unseres unter viel vom von vor während war waren warst was weg
    weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will
    wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Letters and digits; underscores and punctuation separate words ("IT-Sicherheit" → IT, Sicherheit).
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Separates independent text segments in a database index column so that a phrase never
# matches across two fields (Elasticsearch gets the same effect from array position gaps).
SEGMENT_BREAK = "qqsegmentqq"

MIN_PARTS_APART = 3  # see Term.parts_apart
MIN_PART = 4  # shortest compound part we accept ("Fach", "Land"); shorter parts over-split
MIN_COMPOUND = 8  # shortest word we try to split
MAX_COMPOUND = 40
# Linking elements ("Fugen") tried when a part is not itself a listed form.
PART_ENDINGS = ("s", "es", "n", "en", "e", "ns")

_stemmer_local = threading.local()


def _stemmer():
    # snowballstemmer objects are not thread-safe; one per thread.
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = snowballstemmer.stemmer("german")
    return stemmer


def fold(word: str) -> str:
    """Lower-case and fold umlauts and ß the way Lucene's German normalisation does.

    ä/ae → a, ö/oe → o, ü/ue → u (not after a vowel or q, so "Quelle", "neue" keep their e),
    ß → ss. Applied to the index and the query alike, so Fachkräfte, Fachkrafte and
    Fachkraefte meet.
    """
    word = word.lower()
    if not _FOLD_NEEDED.search(word):
        return word
    # The state machine of Lucene's GermanNormalizationFilter.
    out: list[str] = []
    state = _N
    for char in unicodedata.normalize("NFC", word):
        if char in "ao":
            state = _UMLAUT
        elif char == "u":
            state = _U if state == _N else _V
        elif char == "e":
            if state in (_U, _UMLAUT):
                state = _V
                continue
            state = _V
        elif char in "iqy":
            state = _V
        elif char in _UMLAUTS:
            char = _UMLAUTS[char]
            state = _V
        elif char == "ß":
            char = "ss"
            state = _N
        else:
            state = _N
        out.append(char)
    return "".join(out)


_N, _V, _U, _UMLAUT = range(4)
_FOLD_NEEDED = re.compile(r"[aou]e|[äöüß]|[^\x00-\x7f]")
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def stem(folded: str) -> str:
    """Snowball German stem of an already folded word (digits and short words stay)."""
    if len(folded) < 3 or any(c.isdigit() for c in folded):
        return folded
    return _stemmer().stemWord(folded)


LEXICON_FORMAT = 2  # bump when the expansion below changes, to invalidate cached files


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Folded word forms of the hunspell de_DE dictionary (incl. compound parts), for splitting.

    Debian's hunspell-de-de lists compound parts with their linking forms ("Positions",
    "Gewinnungs", "zentren") and derives inflected forms through suffix rules ("gewinnen/J"
    → Gewinnung); we expand those rules once and cache the folded forms as a text file next
    to the database. Without the dictionary the normaliser still stems and folds but does
    not split compounds (logged once).
    """
    dic = Path(getattr(settings, "SEARCH_HUNSPELL_DIC", "/usr/share/hunspell/de_DE.dic"))
    aff = dic.with_suffix(".aff")
    try:
        dic_stat, aff_stat = dic.stat(), aff.stat()
    except OSError as exc:
        logger.warning("Kein Wörterbuch für Komposita (%s): %s", dic, exc)
        return frozenset()
    key = f"{LEXICON_FORMAT}-{dic_stat.st_size}-{dic_stat.st_mtime_ns}-{aff_stat.st_mtime_ns}"
    cache_dir = Path(
        getattr(settings, "SEARCH_CACHE_DIR", Path(settings.BASE_DIR) / "var" / "cache")
    )
    cache_file = cache_dir / f"lexicon-{key}.txt"
    try:
        return frozenset(cache_file.read_text(encoding="utf-8").split())
    except OSError:
        pass
    forms = _expand_hunspell(dic, aff)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".{threading.get_ident()}.tmp")
        tmp.write_text("\n".join(sorted(forms)), encoding="utf-8")
        tmp.replace(cache_file)
    except OSError as exc:  # a read-only deployment just rebuilds it per process
        logger.info("Wortliste nicht zwischengespeichert (%s): %s", cache_file, exc)
    return forms


def _expand_hunspell(dic: Path, aff: Path) -> frozenset[str]:
    rules: dict[str, list[tuple[str, str, re.Pattern | None]]] = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0] == "SFX":
            flag, strip, add, condition = fields[1], fields[2], fields[3].split("/")[0], fields[4]
            rules.setdefault(flag, []).append(
                (
                    "" if strip == "0" else strip,
                    "" if add == "0" else add,
                    None if condition == "." else re.compile(f"(?:{condition})$"),
                )
            )
    forms: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.partition("/")
        word = word.strip()
        if not word.isalpha():
            continue
        forms.add(word)
        for flag in flags.strip():
            for strip, add, condition in rules.get(flag, ()):
                if condition is not None and not condition.search(word):
                    continue
                if strip and not word.endswith(strip):
                    continue
                forms.add((word[: -len(strip)] if strip else word) + add)
    return frozenset(fold(w) for w in forms if len(w) >= MIN_PART - 1)


def _known(part: str, words: frozenset[str]) -> bool:
    if part in words:
        return True
    for ending in PART_ENDINGS:
        if (
            part.endswith(ending)
            and len(part) - len(ending) >= MIN_PART - 1
            and part[: -len(ending)] in words
        ):
            return True
    return False


def split_compound(folded: str) -> tuple[str, ...]:
    """Split a folded word into known parts (fewest parts win), or () if it is no compound.

    A word that is itself in the dictionary is not split ("unternehmen" stays whole). As a
    last resort a long word splits into an unknown head and a known tail of at least six
    letters ("cybersicherheit" → cyber + sicherheit).
    """
    words = lexicon()
    n = len(folded)
    if not words or n < MIN_COMPOUND or n > MAX_COMPOUND or not folded.isalpha():
        return ()
    if _known(folded, words):
        return ()

    memo: dict[int, tuple[str, ...] | None] = {}

    def best(start: int) -> tuple[str, ...] | None:
        if start == n:
            return ()
        if start in memo:
            return memo[start]
        found: tuple[str, ...] | None = None
        for end in range(n, start + MIN_PART - 1, -1):
            part = folded[start:end]
            if not _known(part, words):
                continue
            rest = best(end)
            if rest is None:
                continue
            candidate = (part, *rest)
            # Fewest parts; among those the most balanced ("mittel|stand", not "mittels|tand").
            if found is None or _split_rank(candidate) < _split_rank(found):
                found = candidate
        memo[start] = found
        return found

    parts = best(0)
    if parts and len(parts) > 1:
        return parts
    if n >= 10:
        for cut in range(MIN_PART, n - 5):
            tail = folded[cut:]
            if len(tail) >= 6 and _known(tail, words):
                return (folded[:cut], tail)
    return ()


def _split_rank(parts: tuple[str, ...]) -> tuple[int, int]:
    return (len(parts), -min(len(p) for p in parts))


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
        if len(_term_cache) > 500_000:
            _term_cache.clear()
        _term_cache[word] = term
    return term


def _analyse_word(word: str) -> Term | None:
    lower = word.lower()
    folded = fold(word)
    if lower in STOP_WORDS or folded in _FOLDED_STOP_WORDS:
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


_FOLDED_STOP_WORDS = frozenset(fold(w) for w in STOP_WORDS)


def words(text: str) -> Iterator[re.Match]:
    """The words of a text with their positions (for highlighting)."""
    return WORD_RE.finditer(text or "")


def analyse(text: str) -> list[Term]:
    """All non-stop-word terms of a text, in order."""
    return [t for m in words(text) if (t := analyse_word(m.group())) is not None]


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


# --- Elasticsearch analysis chains ------------------------------------------------------
#
# The Python normaliser above guarantees the German behaviour on every backend (it feeds
# the *_norm fields). The chains below analyse the raw text fields on top of that: the
# "core" chain uses only what a node without the analysis-common module offers (the
# integ-test distribution in CI): standard tokenizer, hunspell (case-sensitive, so before
# lowercase), lowercase, German stop words. The "full" chain is for the official image.

CORE_CHAIN = "core"
FULL_CHAIN = "full"
CHAINS = (CORE_CHAIN, FULL_CHAIN)

GERMAN_ANALYZER = "sprachrohr_german"
NORM_ANALYZER = "whitespace"  # built in: our normaliser already produced the tokens
SPELL_ANALYZER = "standard"  # built in: lower-cased surface words for did-you-mean
COMPLETION_ANALYZER = "standard"  # inputs are folded in Python before indexing

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


def es_analysis_problems(chain: str, analysis: dict) -> list[str]:
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
