"""Query parameters of the read API: every list's filters, validated strictly (unknown → 400)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from workgroups.models import Level, PaperStatus, PaperType, RegulatoryKind

SLUG_MAX = 255
# Slugs as Wagtail and taggit make them (Unicode letters allowed); documented as a pattern.
SLUG_PATTERN = r"^[-\w]+$"
# Free text without NUL characters (databases refuse them).
TEXT_PATTERN = r"^[^\x00]*$"


def _slug(help_text: str = "", *, required: bool = False) -> serializers.RegexField:
    # Unknown slugs are not an error: they simply match nothing.
    return serializers.RegexField(
        SLUG_PATTERN, required=required, max_length=SLUG_MAX, help_text=help_text
    )


class PaperListQuery(serializers.Serializer):
    working_group = _slug(_("Kurzbezeichnung eines Arbeitskreises (federführend oder beteiligt)."))
    tag = serializers.ListField(
        child=_slug(),
        required=False,
        max_length=10,
        help_text=_("Schlagwort (Kurzbezeichnung); mehrfach angegeben: alle müssen zutreffen."),
    )
    paper_type = serializers.ChoiceField(choices=PaperType.choices, required=False)
    addressee = _slug(_("Kurzbezeichnung eines Adressaten, an den das Papier ging."))
    level = serializers.ChoiceField(
        choices=Level.choices,
        required=False,
        help_text=_("Ebene eines Adressaten, an den das Papier ging."),
    )
    regulatory_project = _slug(_("Kurzbezeichnung eines Regelungsvorhabens."))
    status = serializers.ListField(
        child=serializers.ChoiceField(choices=PaperStatus.choices),
        required=False,
        max_length=3,
        help_text=_(
            "Status, mehrfach möglich. Ohne Angabe: aktuell und überholt "
            "(zurückgezogene Papiere nur auf Anfrage)."
        ),
    )
    published_after = serializers.DateField(
        required=False, help_text=_("Veröffentlicht am oder nach (JJJJ-MM-TT).")
    )
    published_before = serializers.DateField(
        required=False, help_text=_("Veröffentlicht am oder vor (JJJJ-MM-TT).")
    )
    ordering = serializers.ChoiceField(
        choices=["published_at", "-published_at", "title"],
        required=False,
        default="-published_at",
        help_text=_("Sortierung; Standard: neueste zuerst."),
    )


class PaperFeedQuery(serializers.Serializer):
    working_group = _slug(_("Kurzbezeichnung eines Arbeitskreises."))
    tag = serializers.ListField(child=_slug(), required=False, max_length=10)
    regulatory_project = _slug(_("Kurzbezeichnung eines Regelungsvorhabens."))


class EventListQuery(serializers.Serializer):
    working_group = _slug(_("Kurzbezeichnung des veranstaltenden Arbeitskreises."))
    upcoming = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("Nur Veranstaltungen, die noch nicht vorbei sind."),
    )
    # "from" is a Python keyword; the serializer field is renamed below.
    date_from = serializers.DateField(
        required=False, help_text=_("Beginn am oder nach diesem Tag (JJJJ-MM-TT).")
    )
    to = serializers.DateField(
        required=False, help_text=_("Beginn am oder vor diesem Tag (JJJJ-MM-TT).")
    )
    ordering = serializers.ChoiceField(
        choices=["starts_at", "-starts_at"],
        required=False,
        default="starts_at",
        help_text=_("Sortierung; Standard: früheste zuerst."),
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("date_from")
        return fields


class AddresseeListQuery(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices, required=False)


class RegulatoryProjectListQuery(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    kind = serializers.ChoiceField(choices=RegulatoryKind.choices, required=False)
    open = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("Nur Vorhaben mit laufender Anhörungs- oder Konsultationsfrist."),
    )


class PageByPathQuery(serializers.Serializer):
    path = serializers.RegexField(
        TEXT_PATTERN,
        max_length=1000,
        trim_whitespace=False,
        help_text=_("Pfad im Frontend, z. B. /arbeitskreise/it-sicherheit/."),
    )


class PreviewQuery(serializers.Serializer):
    token = serializers.RegexField(
        TEXT_PATTERN,
        required=False,
        allow_blank=True,
        max_length=1000,
        help_text=_("Signiertes, kurzlebiges Vorschau-Token aus der Wagtail-Vorschau."),
    )
    content_type = serializers.RegexField(
        TEXT_PATTERN,
        required=False,
        max_length=100,
        help_text=_("Seitentyp, den Wagtail mitschickt (z. B. workgroups.positionpaperpage)."),
    )


class EmptyQuery(serializers.Serializer):
    """Lists without filters: only page and page_size."""
