"""Events of the association and its working groups."""

from rest_framework import serializers

from workgroups.api.serializers.common import (
    ApiUrlField,
    DerivedField,
    LabelledChoiceField,
    Named,
    NamedRefSerializer,
    ResponseSerializer,
)
from workgroups.models import EventType


def _public_group(event) -> Named | None:
    # events_public() annotates the organising group only when that group is public.
    return Named(event.group_slug, event.group_name) if event.group_slug else None


class EventSerializer(ResponseSerializer):
    """A public event (expects ``events_public()`` rows)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    event_type = LabelledChoiceField(EventType)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    location = serializers.CharField()
    description = serializers.CharField()
    registration_url = serializers.CharField()
    working_group = DerivedField(NamedRefSerializer(), get=_public_group, allow_null=True)
    url = serializers.CharField(source="frontend_url")
    api_url = ApiUrlField("event-list")
