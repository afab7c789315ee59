"""Word-level German normalisation: folding (umlauts, ß), Snowball stemming, stop words."""

import re
import threading
import unicodedata
from collections.abc import Iterator

import snowballstemmer

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

# States of Lucene's GermanNormalizationFilter (see fold()).
_N, _V, _U, _UMLAUT = range(4)
_FOLD_NEEDED = re.compile(r"[aou]e|[äöüß]|[^\x00-\x7f]")
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}

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


FOLDED_STOP_WORDS = frozenset(fold(w) for w in STOP_WORDS)


def stem(folded: str) -> str:
    """Snowball German stem of an already folded word (digits and short words stay)."""
    if len(folded) < 3 or any(c.isdigit() for c in folded):
        return folded
    return _stemmer().stemWord(folded)


def words(text: str) -> Iterator[re.Match]:
    """The words of a text with their positions (for highlighting)."""
    return WORD_RE.finditer(text or "")
