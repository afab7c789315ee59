"""Serializers of the public read API, one module per resource; they never query per row.

Every response shape is declared once, by the serializer that renders it. Rows come from
the selectors with everything annotated or prefetched (pages that are only previews get the
same attributes from ``page_preview_prepare``).
"""

from workgroups.api.serializers.directory import (
    AddresseeSerializer,
    OrganisationSerializer,
    RegulatoryProjectSerializer,
    TagSerializer,
)
from workgroups.api.serializers.events import EventSerializer
from workgroups.api.serializers.groups import (
    WorkingGroupDetailSerializer,
    WorkingGroupListSerializer,
)
from workgroups.api.serializers.pages import PageRefSerializer, PreviewSerializer
from workgroups.api.serializers.papers import PaperDetailSerializer, PaperListSerializer

__all__ = [
    "AddresseeSerializer",
    "EventSerializer",
    "OrganisationSerializer",
    "PageRefSerializer",
    "PaperDetailSerializer",
    "PaperListSerializer",
    "PreviewSerializer",
    "RegulatoryProjectSerializer",
    "TagSerializer",
    "WorkingGroupDetailSerializer",
    "WorkingGroupListSerializer",
]
