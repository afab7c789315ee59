"""Routing a frontend path to a page, and the preview of a draft."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from workgroups.api.serializers.common import ResponseSerializer, api_url, route
from workgroups.api.serializers.events import EventSerializer
from workgroups.api.serializers.groups import WorkingGroupDetailSerializer
from workgroups.api.serializers.papers import PaperDetailSerializer
from workgroups.selectors import PAGE_TYPE_CHOICES

DETAIL_ROUTES = {
    "paper": "paper-list",
    "working_group": "working-group-list",
    "event": "event-list",
}
INDEX_ROUTES = {"working_group_index": "working-group-list", "event_index": "event-list"}


class PageRefSerializer(ResponseSerializer):
    """What the frontend needs to route a path: the page's kind and where its data is."""

    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=PAGE_TYPE_CHOICES, source="public_type")
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(source="frontend_url")
    api_url = serializers.SerializerMethodField(allow_null=True)

    @extend_schema_field(OpenApiTypes.STR)
    def get_api_url(self, page) -> str | None:
        kind = page.public_type
        if kind in DETAIL_ROUTES:
            return api_url(DETAIL_ROUTES[kind], page.slug)
        if kind in INDEX_ROUTES:
            return route(INDEX_ROUTES[kind])
        return None


PREVIEW_SERIALIZERS = {
    "paper": PaperDetailSerializer,
    "working_group": WorkingGroupDetailSerializer,
    "event": EventSerializer,
}


@extend_schema_field(
    PolymorphicProxySerializer(
        component_name="PreviewPage",
        serializers=[
            PaperDetailSerializer,
            WorkingGroupDetailSerializer,
            EventSerializer,
            PageRefSerializer,
        ],
        resource_type_field_name=None,
    )
)
class PreviewPageField(serializers.Field):
    """The previewed page in the shape of its type's detail (a page reference otherwise)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        serializer_class = PREVIEW_SERIALIZERS.get(page.public_type, PageRefSerializer)
        return serializer_class(page, context=self.context).data


class PreviewSerializer(ResponseSerializer):
    """A draft as the editor previews it (expects a page from ``page_preview_prepare()``)."""

    type = serializers.ChoiceField(choices=PAGE_TYPE_CHOICES, source="public_type")
    page = PreviewPageField()
