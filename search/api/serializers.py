"""Query and response serializers of the search API (results are papers as in /papers/)."""

from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from search.backends.base import MAX_RESULT_WINDOW
from search.query import MAX_QUERY_LENGTH
from workgroups.api.serializers.common import ResponseSerializer
from workgroups.api.serializers.papers import PaperListSerializer
from workgroups.models import Level, PaperType

SLUG_MAX = 255
MAX_PAGE_SIZE = 100


class TextParameter(serializers.CharField):
    """Text that is only searched, never stored: a NUL character is just a separator.

    The schema says "string", so any string must be accepted; DRF would reject NUL and, for
    required-looking fields, blanks.
    """

    def __init__(self, **kwargs):
        # Blank means "not given" (a filter of only spaces filters nothing).
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_internal_value(self, data):
        return super().to_internal_value(data).replace("\x00", " ")


def _slug(help_text) -> serializers.CharField:
    # Unknown slugs are no error: they simply match nothing (as in /papers/).
    return TextParameter(required=False, max_length=SLUG_MAX, help_text=help_text)


class SearchQuery(serializers.Serializer):
    q = TextParameter(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        trim_whitespace=False,
        help_text=_(
            "Suchtext (höchstens 200 Zeichen). Alle Wörter müssen vorkommen; "
            "„in Anführungszeichen“ sucht eine Wortfolge, -wort schließt aus. Deutsche "
            "Beugungen, Umlaut-Schreibweisen (ä/ae/a) und Wortteile von Komposita werden "
            "gefunden. Ohne q: alle Papiere, neueste zuerst."
        ),
    )
    working_group = _slug(_("Arbeitskreis (federführend oder beteiligt)."))
    paper_type = serializers.ChoiceField(choices=PaperType.choices, required=False)
    tag = serializers.ListField(
        child=TextParameter(max_length=SLUG_MAX),
        required=False,
        max_length=10,
        help_text=_("Schlagwort; mehrfach angegeben: alle müssen zutreffen."),
    )
    addressee = _slug(_("Adressat, an den das Papier ging."))
    level = serializers.ChoiceField(
        choices=Level.choices, required=False, help_text=_("Ebene eines Adressaten.")
    )
    regulatory_project = _slug(_("Regelungsvorhaben."))
    year = serializers.IntegerField(
        required=False, min_value=1900, max_value=2100, help_text=_("Erscheinungsjahr.")
    )
    correct = serializers.BooleanField(
        required=False,
        default=True,
        help_text=_(
            "Findet der Suchtext nichts, wird mit der korrigierten Schreibweise gesucht "
            "(`corrected_query`). `false`: genau diese Schreibweise suchen, die Korrektur "
            "nur vorschlagen (`suggestion`)."
        ),
    )
    page = serializers.IntegerField(
        required=False,
        min_value=1,
        default=1,
        help_text=_(
            "Seite (ab 1). Abrufbar sind die ersten 10.000 Treffer: page × page_size darf "
            "10.000 nicht übersteigen (sonst 400); eine Seite hinter dem letzten Treffer: 404."
        ),
    )
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE, default=20
    )

    def validate(self, attrs):
        if attrs["page"] * attrs["page_size"] > MAX_RESULT_WINDOW:
            raise serializers.ValidationError(
                {
                    "page": [
                        _("Suchergebnisse sind nur bis zum %(max)s. Treffer abrufbar.")
                        % {"max": f"{MAX_RESULT_WINDOW:,}".replace(",", ".")}
                    ]
                }
            )
        return attrs


class SuggestQuery(serializers.Serializer):
    q = TextParameter(
        max_length=MAX_QUERY_LENGTH,
        trim_whitespace=False,
        help_text=_("Der bisher getippte Anfang (auch mitten im Titel: „verwalt“)."),
    )


class SearchClickInput(serializers.Serializer):
    q = TextParameter(max_length=MAX_QUERY_LENGTH, help_text=_("Die Suchanfrage des Treffers."))
    paper = serializers.SlugField(max_length=255, help_text=_("Kurzbezeichnung des Papiers."))


class SearchClickSerializer(ResponseSerializer):
    url = serializers.CharField(help_text=_("Pfad des Papiers auf der Website."))


class HighlightSerializer(ResponseSerializer):
    """Matched words marked with <mark>; everything else HTML-escaped."""

    title = serializers.CharField(allow_null=True)
    summary = serializers.CharField(allow_null=True)
    body = serializers.ListField(child=serializers.CharField())


class PdfPassageSerializer(ResponseSerializer):
    """A page of the paper's PDF version where the query matched."""

    page = serializers.IntegerField(min_value=1, help_text=_("Seitenzahl im PDF (ab 1)."))
    highlight = serializers.CharField(
        help_text=_("Textstelle mit <mark>-Treffern; alles andere HTML-maskiert.")
    )


class SearchResultSerializer(PaperListSerializer):
    """A paper as in /papers/, plus its score and highlighted passages."""

    # search_papers() sets these on every paper it returns.
    score = serializers.FloatField(source="search_score", allow_null=True)
    highlight = HighlightSerializer(source="search_highlight")
    pdf_passages = PdfPassageSerializer(
        source="search_pdf_passages",
        many=True,
        help_text=_("Treffer im PDF des Papiers mit Seitenzahl (höchstens 3)."),
    )


class FacetValueSerializer(ResponseSerializer):
    """A filter value with its German label and the number of matching papers."""

    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(min_value=0)


class FacetsSerializer(ResponseSerializer):
    """Counts per value; each facet counts with the other active filters applied."""

    working_group = FacetValueSerializer(many=True)
    paper_type = FacetValueSerializer(many=True)
    tag = FacetValueSerializer(many=True)
    addressee = FacetValueSerializer(many=True)
    level = FacetValueSerializer(many=True)
    regulatory_project = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)


class SearchResponseSerializer(ResponseSerializer):
    """A page of search results with facets and a did-you-mean suggestion."""

    count = serializers.IntegerField(min_value=0)
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchResultSerializer(many=True)
    facets = FacetsSerializer()
    suggestion = serializers.CharField(
        allow_null=True, help_text=_("„Meinten Sie …?“ – nur wenn nichts gefunden wurde.")
    )
    corrected_query = serializers.CharField(
        allow_null=True,
        help_text=_(
            "Der Suchtext fand nichts; die Treffer gelten dieser korrigierten Schreibweise."
        ),
    )
    relaxed = serializers.BooleanField(
        help_text=_(
            "Kein Papier enthält alle Wörter; die Treffer enthalten einige davon "
            "(die meisten zuerst)."
        )
    )


class CompletionSerializer(ResponseSerializer):
    """A completion of the typed text: what it is and, for pages, where it is."""

    text = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["paper", "working_group", "event", "tag", "regulatory_project", "addressee"]
    )
    url = serializers.CharField(
        allow_null=True, help_text=_("Pfad im Frontend (Papiere, Arbeitskreise, Termine).")
    )


class SuggestResponseSerializer(ResponseSerializer):
    """Completions for the text typed so far."""

    query = serializers.CharField()
    results = CompletionSerializer(many=True, help_text=_("Höchstens 8 Vervollständigungen."))
