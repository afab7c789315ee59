"""Serializers of the public read API; they read prefetched data only and never query per row."""

import functools
import os
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from workgroups.api.richtext import LinkTargets, body_blocks, document_url, rich_text_html
from workgroups.models import (
    EventType,
    Level,
    PaperStatus,
    PaperType,
    RegulatoryKind,
    State,
)
from workgroups.selectors import PAGE_TYPE_CHOICES, public_scope


@functools.cache
def _route(name: str) -> str:
    return reverse(f"workgroups-api:{name}")


def _api_url(name: str, slug: str) -> str:
    # Resolved once per route, then joined: reverse() per row is slow for long lists.
    return f"{_route(name)}{quote(slug)}/"


def _choice(choices, value: str) -> dict:
    return {"value": value, "label": str(dict(choices.choices).get(value, value))}


def _prefetched(instance, name: str) -> bool:
    return name in getattr(instance, "_prefetched_objects_cache", {})


class ChoiceSerializer(serializers.Serializer):
    """A stable value with its German label."""

    value = serializers.CharField()
    label = serializers.CharField()


class WorkingGroupRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class TagRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class AddresseeRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)


class _ScopedSerializer(serializers.Serializer):
    def _scope(self):
        # Shared by every child of a list serializer through the common context dict.
        scope = self.context.get("scope")
        if scope is None:
            scope = self.context["scope"] = public_scope()
        return scope

    def _frontend_url(self, page) -> str:
        annotated = getattr(page, "frontend_url", None)
        if annotated:
            return annotated
        url_path = page.url_path
        if not url_path and page.path:
            # A page that is only a preview has no URL path yet: derive it from its parent.
            parent = page.get_parent()
            url_path = f"{parent.url_path}{page.slug}/" if parent else f"/{page.slug}/"
        return self._scope().frontend_path(url_path or f"/{page.slug}/")


class PaperListSerializer(_ScopedSerializer):
    """A paper in lists, search results and feeds (expects ``papers_public()`` rows)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    citation_id = serializers.CharField()
    title = serializers.CharField()
    subtitle = serializers.CharField()
    summary = serializers.CharField()
    paper_type = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=PaperStatus.choices)
    published_at = serializers.DateField(source="publication_date")
    version = serializers.CharField(source="version_label")
    working_groups = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    addressees = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField(allow_null=True)

    @extend_schema_field(ChoiceSerializer)
    def get_paper_type(self, paper) -> dict:
        return _choice(PaperType, paper.paper_type)

    @extend_schema_field(WorkingGroupRefSerializer(many=True))
    def get_working_groups(self, paper) -> list[dict]:
        groups = []
        slug = getattr(paper, "lead_group_slug", None)
        if slug:
            groups.append({"slug": slug, "name": paper.lead_group_name})
        elif paper.path:
            lead = paper.get_parent()
            if lead is not None and self._scope().contains(lead):
                groups.append({"slug": lead.slug, "name": lead.title})
        co_groups = list(paper.co_working_groups.all())
        if not _prefetched(paper, "co_working_groups"):
            co_groups = [group for group in co_groups if self._scope().contains(group)]
        seen = {group["slug"] for group in groups}
        for group in sorted(co_groups, key=lambda g: g.title):
            if group.slug not in seen:
                seen.add(group.slug)
                groups.append({"slug": group.slug, "name": group.title})
        return groups

    @extend_schema_field(TagRefSerializer(many=True))
    def get_tags(self, paper) -> list[dict]:
        tags = [item.tag for item in paper.tagged_items.all()]
        return [
            {"slug": tag.slug, "name": tag.name}
            for tag in sorted(tags, key=lambda t: (t.name.lower(), t.slug))
        ]

    @extend_schema_field(AddresseeRefSerializer(many=True))
    def get_addressees(self, paper) -> list[dict]:
        seen, result = set(), []
        for dispatch in paper.dispatches.all():
            addressee = dispatch.addressee
            if addressee.pk not in seen:
                seen.add(addressee.pk)
                result.append(
                    {"slug": addressee.slug, "name": addressee.name, "level": addressee.level}
                )
        return result

    def get_url(self, paper) -> str:
        return self._frontend_url(paper)

    def get_api_url(self, paper) -> str:
        return _api_url("paper-list", paper.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, paper) -> str | None:
        if not paper.pdf_id or getattr(paper, "pdf_restricted", False):
            return None
        file_name = getattr(paper, "pdf_file", None)
        if file_name:
            # Annotated by papers_public(): no need to load the document row.
            path = reverse("wagtaildocs_serve", args=[paper.pdf_id, os.path.basename(file_name)])
            return f"{settings.PUBLIC_BACKEND_URL}{path}"
        return document_url(paper.pdf)


class PaperRefSerializer(_ScopedSerializer):
    """A short reference to another public paper (successor, predecessor, related)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    citation_id = serializers.CharField()
    title = serializers.CharField()
    paper_type = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=PaperStatus.choices)
    published_at = serializers.DateField(source="publication_date")
    version = serializers.CharField(source="version_label")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(ChoiceSerializer)
    def get_paper_type(self, paper) -> dict:
        return _choice(PaperType, paper.paper_type)

    def get_url(self, paper) -> str:
        return self._frontend_url(paper)

    def get_api_url(self, paper) -> str:
        return _api_url("paper-list", paper.slug)


def _inline_enum(name: str, values: list[str]) -> serializers.CharField:
    # An inline enum keeps these tiny choice sets out of the shared enum components.
    field_class = type(name, (serializers.CharField,), {})
    return extend_schema_field({"type": "string", "enum": values})(field_class)()


class HeadingValueSerializer(serializers.Serializer):
    text = serializers.CharField()
    level = _inline_enum("HeadingLevelField", ["h2", "h3"])


class QuoteValueSerializer(serializers.Serializer):
    text = serializers.CharField()
    attribution = serializers.CharField()


class TableValueSerializer(serializers.Serializer):
    caption = serializers.CharField()
    first_row_is_header = serializers.BooleanField()
    first_column_is_header = serializers.BooleanField()
    rows = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))


class ReferenceValueSerializer(serializers.Serializer):
    label = serializers.CharField()
    text = serializers.CharField()
    url = serializers.CharField(help_text="Link der Quelle oder leer.")


class DemandValueSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="Artikel / Paragraf, z. B. „§ 32 Abs. 1 BSIG-E“.")
    current_wording = serializers.CharField(help_text="Geltende bzw. geplante Fassung.")
    proposed_change = serializers.CharField(help_text="Änderungsvorschlag / Forderung.")
    rationale = serializers.CharField(help_text="Begründung.")


def _block_serializer(kind: str, value) -> type[serializers.Serializer]:
    name = "".join(part.title() for part in kind.split("_")) + "Block"
    return type(
        name,
        (serializers.Serializer,),
        {
            "id": serializers.CharField(),
            "type": _inline_enum(f"{name}TypeField", [kind]),
            "value": value,
            "__doc__": f"A body block of type {kind}.",
        },
    )


BODY_BLOCK_SERIALIZERS = {
    "heading": _block_serializer("heading", HeadingValueSerializer()),
    "paragraph": _block_serializer(
        "paragraph", serializers.CharField(help_text="Bereinigtes HTML.")
    ),
    "quote": _block_serializer("quote", QuoteValueSerializer()),
    "table": _block_serializer("table", TableValueSerializer()),
    "reference": _block_serializer("reference", ReferenceValueSerializer()),
    "demand": _block_serializer("demand", DemandValueSerializer()),
}
BodyBlockSerializer = PolymorphicProxySerializer(
    component_name="BodyBlock",
    serializers=BODY_BLOCK_SERIALIZERS,
    resource_type_field_name="type",
    many=True,
)


class DemandSerializer(DemandValueSerializer):
    id = serializers.CharField()


class AtAGlanceSerializer(serializers.Serializer):
    verdict = serializers.CharField()
    key_demands = serializers.ListField(child=serializers.CharField())


class RegulatoryProjectRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    short_title = serializers.CharField()
    kind = ChoiceSerializer()
    level = serializers.ChoiceField(choices=Level.choices)
    drucksache = serializers.CharField()
    lobbyregister_number = serializers.CharField()
    link = serializers.CharField()
    consultation_deadline = serializers.DateField(allow_null=True)


class DispatchSerializer(serializers.Serializer):
    addressee = AddresseeRefSerializer()
    sent_on = serializers.DateField()


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    city = serializers.CharField()
    website = serializers.CharField()


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()


class VersionSerializer(serializers.Serializer):
    version = serializers.CharField()
    published_at = serializers.DateTimeField()


def _regulatory_project(project) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "short_title": project.short_title,
        "kind": _choice(RegulatoryKind, project.kind),
        "level": project.level,
        "drucksache": project.drucksache,
        "lobbyregister_number": project.lobbyregister_number,
        "link": project.link,
        "consultation_deadline": project.consultation_deadline,
    }


class PaperDetailSerializer(PaperListSerializer):
    """The full public paper; the view attaches successor, predecessors, related and versions."""

    body = serializers.SerializerMethodField()
    at_a_glance = serializers.SerializerMethodField()
    demands = serializers.SerializerMethodField()
    regulatory_projects = serializers.SerializerMethodField()
    dispatches = serializers.SerializerMethodField()
    supersedes = serializers.SerializerMethodField()
    superseded_by = serializers.SerializerMethodField(allow_null=True)
    signatories = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField(allow_null=True)
    related = serializers.SerializerMethodField()
    last_published_at = serializers.DateTimeField(allow_null=True)
    versions = serializers.SerializerMethodField()

    def _targets(self) -> LinkTargets:
        return self.context.get("link_targets") or LinkTargets()

    def _blocks(self, paper) -> list[dict]:
        # body and demands share one conversion of the StreamField.
        converted = self.context.setdefault("_body_blocks", {})
        if id(paper) not in converted:
            converted[id(paper)] = body_blocks(paper.body, targets=self._targets())
        return converted[id(paper)]

    @extend_schema_field(BodyBlockSerializer)
    def get_body(self, paper) -> list[dict]:
        return self._blocks(paper)

    @extend_schema_field(AtAGlanceSerializer)
    def get_at_a_glance(self, paper) -> dict:
        return {
            "verdict": paper.verdict,
            "key_demands": [demand.text for demand in paper.key_demands.all()],
        }

    @extend_schema_field(DemandSerializer(many=True))
    def get_demands(self, paper) -> list[dict]:
        return [
            {"id": block["id"], **block["value"]}
            for block in self._blocks(paper)
            if block["type"] == "demand"
        ]

    @extend_schema_field(RegulatoryProjectRefSerializer(many=True))
    def get_regulatory_projects(self, paper) -> list[dict]:
        projects = sorted(paper.regulatory_projects.all(), key=lambda p: (p.title, p.pk))
        return [_regulatory_project(project) for project in projects]

    @extend_schema_field(DispatchSerializer(many=True))
    def get_dispatches(self, paper) -> list[dict]:
        return [
            {
                "addressee": {
                    "slug": dispatch.addressee.slug,
                    "name": dispatch.addressee.name,
                    "level": dispatch.addressee.level,
                },
                "sent_on": dispatch.sent_on,
            }
            for dispatch in paper.dispatches.all()
        ]

    @extend_schema_field(PaperRefSerializer(many=True))
    def get_supersedes(self, paper) -> list[dict]:
        return PaperRefSerializer(
            getattr(paper, "public_predecessors", []), many=True, context=self.context
        ).data

    @extend_schema_field(PaperRefSerializer(allow_null=True))
    def get_superseded_by(self, paper) -> dict | None:
        successor = getattr(paper, "public_successor", None)
        return PaperRefSerializer(successor, context=self.context).data if successor else None

    @extend_schema_field(OrganisationRefSerializer(many=True))
    def get_signatories(self, paper) -> list[dict]:
        organisations = sorted(paper.signatories.all(), key=lambda o: (o.name, o.pk))
        return [
            {"slug": o.slug, "name": o.name, "city": o.city, "website": o.website}
            for o in organisations
        ]

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, paper) -> dict | None:
        if not (paper.contact_name or paper.contact_email):
            return None
        return {
            "name": paper.contact_name,
            "role": paper.contact_role,
            "email": paper.contact_email,
        }

    @extend_schema_field(PaperRefSerializer(many=True))
    def get_related(self, paper) -> list[dict]:
        return PaperRefSerializer(
            getattr(paper, "public_related", []), many=True, context=self.context
        ).data

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, paper) -> list[dict]:
        return VersionSerializer(getattr(paper, "public_versions", []), many=True).data


class TopicSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


def _topics(group) -> list[dict]:
    return [{"slug": item.tag.slug, "name": item.tag.name} for item in group.tagged_topics.all()]


class WorkingGroupListSerializer(_ScopedSerializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField(source="title")
    short_description = serializers.CharField()
    topics = serializers.SerializerMethodField()
    paper_count = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(TopicSerializer(many=True))
    def get_topics(self, group) -> list[dict]:
        return _topics(group)

    def get_url(self, group) -> str:
        return self._frontend_url(group)

    def get_api_url(self, group) -> str:
        return _api_url("working-group-list", group.slug)


class ChairSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    organisation = WorkingGroupRefSerializer(allow_null=True)


class MemberOrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    city = serializers.CharField()
    website = serializers.CharField()


class EventSerializer(_ScopedSerializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    event_type = serializers.SerializerMethodField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    location = serializers.CharField()
    description = serializers.CharField()
    registration_url = serializers.CharField()
    working_group = serializers.SerializerMethodField(allow_null=True)
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(ChoiceSerializer)
    def get_event_type(self, event) -> dict:
        return _choice(EventType, event.event_type)

    @extend_schema_field(WorkingGroupRefSerializer(allow_null=True))
    def get_working_group(self, event) -> dict | None:
        slug = getattr(event, "group_slug", None)
        if slug:
            return {"slug": slug, "name": event.group_name}
        if not hasattr(event, "group_slug") and event.working_group_id:
            group = event.working_group
            if group and self._scope().contains(group):
                return {"slug": group.slug, "name": group.title}
        return None

    def get_url(self, event) -> str:
        return self._frontend_url(event)

    def get_api_url(self, event) -> str:
        return _api_url("event-list", event.slug)


class WorkingGroupDetailSerializer(WorkingGroupListSerializer):
    mission = serializers.SerializerMethodField()
    meeting_rhythm = serializers.CharField()
    contact = serializers.SerializerMethodField(allow_null=True)
    chairs = serializers.SerializerMethodField()
    member_organisations = serializers.SerializerMethodField()
    upcoming_events = serializers.SerializerMethodField()
    papers_api_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_mission(self, group) -> str:
        return rich_text_html(
            group.mission, targets=self.context.get("link_targets") or LinkTargets()
        )

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, group) -> dict | None:
        if not (group.contact_name or group.contact_email):
            return None
        return {"name": group.contact_name, "role": "", "email": group.contact_email}

    @extend_schema_field(ChairSerializer(many=True))
    def get_chairs(self, group) -> list[dict]:
        return [
            {
                "name": chair.name,
                "role": chair.role,
                "organisation": {"slug": chair.organisation.slug, "name": chair.organisation.name}
                if chair.organisation
                else None,
            }
            for chair in group.chairs.all()
        ]

    @extend_schema_field(MemberOrganisationSerializer(many=True))
    def get_member_organisations(self, group) -> list[dict]:
        return [
            {"slug": o.slug, "name": o.name, "city": o.city, "website": o.website}
            for o in group.member_organisations.all()
        ]

    @extend_schema_field(EventSerializer(many=True))
    def get_upcoming_events(self, group) -> list[dict]:
        return EventSerializer(
            getattr(group, "public_upcoming_events", []), many=True, context=self.context
        ).data

    def get_papers_api_url(self, group) -> str:
        return _route("paper-list") + "?" + urlencode({"working_group": group.slug})


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    city = serializers.CharField()
    state = serializers.SerializerMethodField()
    size_class = serializers.CharField()
    sectors = serializers.SerializerMethodField()
    website = serializers.CharField()
    working_groups = serializers.SerializerMethodField()

    @extend_schema_field(ChoiceSerializer)
    def get_state(self, organisation) -> dict:
        return _choice(State, organisation.state)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_sectors(self, organisation) -> list[str]:
        return [part.strip() for part in organisation.sectors.split(",") if part.strip()]

    @extend_schema_field(WorkingGroupRefSerializer(many=True))
    def get_working_groups(self, organisation) -> list[dict]:
        return [
            {"slug": group.slug, "name": group.title}
            for group in sorted(organisation.working_groups.all(), key=lambda g: g.title)
        ]


class AddresseeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)
    state = serializers.SerializerMethodField(allow_null=True)
    paper_count = serializers.IntegerField()
    papers_api_url = serializers.SerializerMethodField()

    @extend_schema_field(ChoiceSerializer(allow_null=True))
    def get_state(self, addressee) -> dict | None:
        return _choice(State, addressee.state) if addressee.state else None

    def get_papers_api_url(self, addressee) -> str:
        return _route("paper-list") + "?" + urlencode({"addressee": addressee.slug})


class RegulatoryProjectSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    short_title = serializers.CharField()
    kind = serializers.SerializerMethodField()
    level = serializers.ChoiceField(choices=Level.choices)
    responsible = serializers.CharField()
    lobbyregister_number = serializers.CharField()
    drucksache = serializers.CharField()
    link = serializers.CharField()
    description = serializers.CharField()
    consultation_deadline = serializers.DateField(allow_null=True)
    consultation_open = serializers.BooleanField(source="is_open")
    paper_count = serializers.IntegerField()
    papers_api_url = serializers.SerializerMethodField()

    @extend_schema_field(ChoiceSerializer)
    def get_kind(self, project) -> dict:
        return _choice(RegulatoryKind, project.kind)

    def get_papers_api_url(self, project) -> str:
        return _route("paper-list") + "?" + urlencode({"regulatory_project": project.slug})


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    paper_count = serializers.IntegerField()
    papers_api_url = serializers.SerializerMethodField()

    def get_papers_api_url(self, tag) -> str:
        return _route("paper-list") + "?" + urlencode({"tag": tag.slug})


class PageRefSerializer(_ScopedSerializer):
    """What the frontend needs to route a path: the page's kind and where its data is."""

    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=PAGE_TYPE_CHOICES, source="public_type")
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField(allow_null=True)

    def get_url(self, page) -> str:
        return self._frontend_url(page)

    @extend_schema_field(OpenApiTypes.STR)
    def get_api_url(self, page) -> str | None:
        kind = page.public_type
        if kind == "paper":
            return _api_url("paper-list", page.slug)
        if kind == "working_group":
            return _api_url("working-group-list", page.slug)
        if kind == "event":
            return _api_url("event-list", page.slug)
        if kind == "working_group_index":
            return _route("working-group-list")
        if kind == "event_index":
            return _route("event-list")
        return None
