"""ASCII slugs: German umlauts spelt out, other letters transliterated."""

import pytest

from cms.slugs import slug_ascii


@pytest.mark.parametrize(
    "text,slug",
    [
        ("Größe für Ämter", "groesse-fuer-aemter"),
        ("Übergänge & Straßen", "uebergaenge-strassen"),
        ("Łódź café", "lodz-cafe"),
        ("KI-Verordnung 2026", "ki-verordnung-2026"),
    ],
)
def test_slug_ascii(text, slug):
    assert slug_ascii(text) == slug
