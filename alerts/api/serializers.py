"""Request and response serializers of the subscription API."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from alerts.models import Frequency, TopicKind
from search.api.serializers import SearchQuery
from workgroups.api.filters import SLUG_MAX, SLUG_PATTERN
from workgroups.api.serializers.common import LabelledChoiceField, ResponseSerializer
from workgroups.models import Level, PaperType

TOPIC_FIELDS = (
    TopicKind.WORKING_GROUP,
    TopicKind.TAG,
    TopicKind.REGULATORY_PROJECT,
    TopicKind.PAPER,
    TopicKind.QUERY,
)
HONEYPOT = "website"


def _choice(choices, **kwargs) -> serializers.ChoiceField:
    # Documented as a pattern, not an enum: drf-spectacular names every enum after its
    # choice set, and that name is taken by the {value, label} response shape of the set.
    alternatives = "|".join(re.escape(value) for value in choices.values)
    values = ", ".join(f"`{value}`" for value in choices.values)

    @extend_schema_field(
        {"type": "string", "pattern": f"^({alternatives})$", "description": f"Eines von {values}."}
    )
    class InlineChoiceField(serializers.ChoiceField):
        pass

    return InlineChoiceField(choices=choices.choices, **kwargs)


class SavedSearchSerializer(SearchQuery):
    """The parameters of /api/v1/search/ without the page: the search to follow."""

    page = None
    page_size = None
    paper_type = _choice(PaperType, required=False)
    level = _choice(Level, required=False, help_text=_("Ebene eines Adressaten."))

    def validate(self, attrs):
        return attrs


def _slug(help_text) -> serializers.RegexField:
    return serializers.RegexField(
        SLUG_PATTERN, required=False, max_length=SLUG_MAX, help_text=help_text
    )


class SubscriptionRequestSerializer(serializers.Serializer):
    """A wish to subscribe: an address, exactly one topic and how often."""

    email = serializers.EmailField(max_length=254)
    working_group = _slug(_("Kurzbezeichnung eines Arbeitskreises."))
    tag = _slug(_("Kurzbezeichnung eines Schlagworts."))
    regulatory_project = _slug(_("Kurzbezeichnung eines Regelungsvorhabens."))
    paper = _slug(_("Kurzbezeichnung eines Positionspapiers."))
    query = SavedSearchSerializer(
        required=False, help_text=_("Eine Suche mit den Filtern von /api/v1/search/.")
    )
    frequency = _choice(Frequency)
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text=_("Bitte leer lassen (Schutz vor automatisierten Anmeldungen)."),
    )

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("Unbekanntes Feld.")] for name in unknown}
                )
        return super().to_internal_value(data)

    def validate(self, attrs):
        given = [name for name in TOPIC_FIELDS if attrs.get(name) not in (None, "")]
        if len(given) != 1:
            raise serializers.ValidationError(
                {
                    "topic": [
                        _(
                            "Bitte genau eines angeben: working_group, tag, regulatory_project, "
                            "paper oder query."
                        )
                    ]
                }
            )
        attrs["kind"] = given[0]
        return attrs


class AcceptedSerializer(ResponseSerializer):
    """The same answer for every valid request, known address or not."""

    detail = serializers.CharField()


class TokenSerializer(serializers.Serializer):
    # Signed tokens (alerts/tokens.py) are URL-safe base64 with dots and colons; the
    # pattern says so in the schema, and anything else is a 400 rather than a search for it.
    token = serializers.RegexField(r"^[A-Za-z0-9:._\-]+$", max_length=2000)


class ConfirmedSerializer(ResponseSerializer):
    """A confirmed subscription: what it follows and how often."""

    topic = serializers.CharField()
    frequency = LabelledChoiceField(Frequency)


class ManagedSubscriptionSerializer(ResponseSerializer):
    """One subscription in the overview of an address."""

    id = serializers.IntegerField()
    topic = serializers.CharField()
    frequency = LabelledChoiceField(Frequency)
    confirmed = serializers.BooleanField()
    unsubscribe_token = serializers.CharField()


class ManageSerializer(ResponseSerializer):
    """Every subscription of one address."""

    email = serializers.EmailField()
    subscriptions = ManagedSubscriptionSerializer(many=True)
