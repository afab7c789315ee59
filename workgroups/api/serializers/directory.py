"""Snippets the office maintains: member organisations, addressees, regulatory projects, tags."""

from rest_framework import serializers

from workgroups.api.serializers.common import (
    LabelledChoiceField,
    NamedRefSerializer,
    PaperListUrlField,
    ResponseSerializer,
)
from workgroups.models import Level, RegulatoryKind, SizeClass, State


class CommaSeparatedField(serializers.ListField):
    """Text stored comma-separated ("Cloud, IT-Sicherheit") as a list of its parts."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(), read_only=True, **kwargs)

    def to_representation(self, text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]


class OrganisationRefSerializer(ResponseSerializer):
    """A member organisation where it is named (signatories, members of a working group)."""

    slug = serializers.CharField()
    name = serializers.CharField()
    city = serializers.CharField()
    website = serializers.CharField()


class OrganisationSerializer(OrganisationRefSerializer):
    """A member organisation with the public working groups it takes part in."""

    state = LabelledChoiceField(State)
    size_class = LabelledChoiceField(SizeClass, allow_null=True)
    sectors = CommaSeparatedField()
    working_groups = NamedRefSerializer(many=True)


class AddresseeRefSerializer(ResponseSerializer):
    """An addressee where a paper names it."""

    slug = serializers.CharField()
    name = serializers.CharField()
    level = LabelledChoiceField(Level)


class AddresseeSerializer(AddresseeRefSerializer):
    """An addressee with the number of public papers sent to it."""

    short_name = serializers.CharField()
    state = LabelledChoiceField(State, allow_null=True)
    paper_count = serializers.IntegerField()
    papers_api_url = PaperListUrlField("addressee")


class RegulatoryProjectRefSerializer(ResponseSerializer):
    """A regulatory project where a paper names it."""

    slug = serializers.CharField()
    title = serializers.CharField()
    short_title = serializers.CharField()
    kind = LabelledChoiceField(RegulatoryKind)
    level = LabelledChoiceField(Level)
    drucksache = serializers.CharField()
    lobbyregister_number = serializers.CharField()
    link = serializers.CharField()
    consultation_deadline = serializers.DateField(allow_null=True)


class RegulatoryProjectSerializer(RegulatoryProjectRefSerializer):
    """A regulatory project with its consultation state and number of public papers."""

    responsible = serializers.CharField()
    description = serializers.CharField()
    consultation_open = serializers.BooleanField(source="is_open")
    paper_count = serializers.IntegerField()
    papers_api_url = PaperListUrlField("regulatory_project")


class TagSerializer(NamedRefSerializer):
    """A tag of public papers with the number of its papers."""

    paper_count = serializers.IntegerField()
    papers_api_url = PaperListUrlField("tag")
