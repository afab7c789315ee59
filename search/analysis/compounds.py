"""German compound splitting against the hunspell de_DE word list ("Fachkräftegewinnung")."""

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from search.analysis.folding import fold

logger = logging.getLogger(__name__)

MIN_PART = 4  # shortest compound part we accept ("Fach", "Land"); shorter parts over-split
MIN_COMPOUND = 8  # shortest word we try to split
MAX_COMPOUND = 40
# Linking elements ("Fugen") tried when a part is not itself a listed form.
PART_ENDINGS = ("s", "es", "n", "en", "e", "ns")
# A long word no known parts explain splits into an unknown head and a known tail.
MIN_HEAD_TAIL_WORD = 10
MIN_KNOWN_TAIL = 6

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
    if n >= MIN_HEAD_TAIL_WORD:
        for cut in range(MIN_PART, n - (MIN_KNOWN_TAIL - 1)):
            tail = folded[cut:]
            if len(tail) >= MIN_KNOWN_TAIL and _known(tail, words):
                return (folded[:cut], tail)
    return ()


def _split_rank(parts: tuple[str, ...]) -> tuple[int, int]:
    return (len(parts), -min(len(p) for p in parts))
