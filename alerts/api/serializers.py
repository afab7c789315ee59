"""Request and response serializers of the subscription API."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from alerts.models import Frequency, TopicKind
from search.api.serializers import SearchQuery
from workgroups.api.filters import SLUG_MAX, SLUG_PATTERN
from workgroups.api.serializers.common import LabelledChoiceField, ResponseSerializer

TOPIC_FIELDS = (
    TopicKind.WORKING_GROUP,
    TopicKind.TAG,
    TopicKind.REGULATORY_PROJECT,
    TopicKind.PAPER,
    TopicKind.QUERY,
)
HONEYPOT = "website"


class SavedSearchSerializer(SearchQuery):
    """The parameters of /api/v1/search/ without the page: the search to follow."""

    page = None
    page_size = None

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
    frequency = serializers.ChoiceField(choices=Frequency.choices)
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
    token = serializers.CharField(max_length=2000)


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
