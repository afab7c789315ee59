"""ASCII slugs with German transliteration (ä → ae, ß → ss), for links that stay readable."""

from anyascii import anyascii
from django.utils.text import slugify

GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def slug_ascii(text: str) -> str:
    """An ASCII slug: German umlauts spelt out, other letters transliterated, never dropped."""
    return slugify(anyascii(text.translate(GERMAN)))
