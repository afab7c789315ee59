"""Impact counts: demands of public papers by outcome, in all and per working group, year, level."""

from rest_framework import serializers

from impact.models import ImpactStatus
from workgroups.api.serializers.common import (
    LabelledChoiceField,
    NamedRefSerializer,
    ResponseSerializer,
)
from workgroups.models import Level


class OutcomeCountSerializer(ResponseSerializer):
    """How many demands had one outcome."""

    status = LabelledChoiceField(ImpactStatus)
    count = serializers.IntegerField()


class CountsSerializer(ResponseSerializer):
    """Demands in all and per outcome (every outcome listed, zero included)."""

    demands = serializers.IntegerField()
    outcomes = OutcomeCountSerializer(many=True)


class WorkingGroupCountsSerializer(CountsSerializer):
    """The counts of one working group's papers (as lead group)."""

    working_group = NamedRefSerializer()


class YearCountsSerializer(CountsSerializer):
    """The counts of one year's papers (by publication date)."""

    year = serializers.IntegerField()


class LevelCountsSerializer(CountsSerializer):
    """The counts of papers on regulatory projects of one level."""

    level = LabelledChoiceField(Level)


class ImpactSummarySerializer(ResponseSerializer):
    """What became of the demands of public papers."""

    total = CountsSerializer()
    working_groups = WorkingGroupCountsSerializer(many=True)
    years = YearCountsSerializer(many=True)
    levels = LevelCountsSerializer(many=True)


class ImpactQuery(serializers.Serializer):
    working_group = serializers.RegexField(
        r"^[-\w]+$",
        required=False,
        max_length=255,
        help_text="Kurzbezeichnung des federführenden Arbeitskreises.",
    )
    year = serializers.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="Jahr der Veröffentlichung."
    )
    level = serializers.ChoiceField(
        choices=Level.choices,
        required=False,
        help_text="Ebene der Regelungsvorhaben, auf die sich das Papier bezieht.",
    )
