"""Stock Wagtail API v2 for the benchmark, exposing the fields our /api/v1 papers carry."""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from workgroups.models import PaperDispatch, PaperKeyDemand, PositionPaperPage


class _AddresseeField(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()


class _GroupField(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()


class _ProjectField(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    level = serializers.CharField()


class _OrganisationField(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class _DocumentUrlField(serializers.Field):
    def to_representation(self, document):
        return document.url if document else None


class _PaperRefField(serializers.Field):
    def to_representation(self, paper):
        return {"id": paper.pk, "slug": paper.slug, "title": paper.title} if paper else None


# The same information as /api/v1/papers/<slug>/; bench.api_fields lists the list fields.
PositionPaperPage.api_fields = [
    APIField("subtitle"),
    APIField("summary"),
    APIField("verdict"),
    APIField("body"),
    APIField("paper_type"),
    APIField("status"),
    APIField("publication_date"),
    APIField("version_label"),
    APIField("citation_id"),
    APIField("tags"),
    APIField("co_working_groups", serializer=_GroupField(many=True)),
    APIField("dispatches"),
    APIField("key_demands"),
    APIField("regulatory_projects", serializer=_ProjectField(many=True)),
    APIField("signatories", serializer=_OrganisationField(many=True)),
    APIField("superseded_by", serializer=_PaperRefField()),
    APIField("pdf", serializer=_DocumentUrlField()),
    APIField("contact_name"),
    APIField("contact_role"),
    APIField("contact_email"),
]
PaperDispatch.api_fields = [
    APIField("addressee", serializer=_AddresseeField()),
    APIField("sent_on"),
]
PaperKeyDemand.api_fields = [APIField("text")]

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
