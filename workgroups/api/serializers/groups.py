"""Working groups in lists and in full."""

from rest_framework import serializers

from workgroups.api.richtext import LinkTargets, rich_text_html
from workgroups.api.serializers.common import (
    ApiUrlField,
    ContactSerializer,
    NamedRefSerializer,
    PaperListUrlField,
    ResponseSerializer,
)
from workgroups.api.serializers.directory import OrganisationRefSerializer
from workgroups.api.serializers.events import EventSerializer


class RichTextField(serializers.CharField):
    """Stored rich text as sanitised HTML whose links reach public targets only."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, html: str) -> str:
        # The view resolves every link target of the page at once (``link_targets``).
        return rich_text_html(html, targets=self.context.get("link_targets") or LinkTargets())


class WorkingGroupListSerializer(ResponseSerializer):
    """A public working group in lists (expects ``working_group_list()`` rows)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField(source="title")
    short_description = serializers.CharField()
    topics = NamedRefSerializer(many=True, source="tagged_topics")
    paper_count = serializers.IntegerField()
    url = serializers.CharField(source="frontend_url")
    api_url = ApiUrlField("working-group-list")


class ChairSerializer(ResponseSerializer):
    """A chair of a working group and the organisation they come from."""

    name = serializers.CharField()
    role = serializers.CharField()
    organisation = NamedRefSerializer(allow_null=True)


class WorkingGroupDetailSerializer(WorkingGroupListSerializer):
    """A public working group in full; the view attaches its upcoming events."""

    mission = RichTextField()
    meeting_rhythm = serializers.CharField()
    contact = ContactSerializer(source="*", allow_null=True)
    chairs = ChairSerializer(many=True)
    member_organisations = OrganisationRefSerializer(many=True)
    upcoming_events = EventSerializer(many=True, source="public_upcoming_events")
    papers_api_url = PaperListUrlField("working_group")
