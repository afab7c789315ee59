"""Position papers in lists, as references and in full (bodies as typed blocks)."""

import os

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from impact.models import ImpactStatus
from workgroups.api.serializers.common import (
    ApiUrlField,
    ContactSerializer,
    DerivedField,
    EnumField,
    LabelledChoiceField,
    Named,
    NamedRefSerializer,
    ResponseSerializer,
)
from workgroups.api.serializers.directory import (
    AddresseeRefSerializer,
    OrganisationRefSerializer,
    RegulatoryProjectRefSerializer,
)
from workgroups.models import PaperStatus, PaperType


def _working_groups(paper) -> list:
    # papers_public() annotates the lead group (when public) and prefetches the public
    # co-authoring groups by name; a group is named once.
    lead = paper.lead_group_slug
    groups = [Named(lead, paper.lead_group_name)] if lead else []
    return groups + [group for group in paper.co_working_groups.all() if group.slug != lead]


def _addressees(paper) -> list:
    # Each addressee once, in the order of the dispatches.
    return list({d.addressee_id: d.addressee for d in paper.dispatches.all()}.values())


class PaperListSerializer(ResponseSerializer):
    """A paper in lists, search results and feeds (expects ``papers_public()`` rows)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    citation_id = serializers.CharField()
    title = serializers.CharField()
    subtitle = serializers.CharField()
    summary = serializers.CharField()
    paper_type = LabelledChoiceField(PaperType)
    status = LabelledChoiceField(PaperStatus)
    published_at = serializers.DateField(source="publication_date")
    version = serializers.CharField(source="version_label")
    working_groups = DerivedField(NamedRefSerializer(many=True), get=_working_groups)
    tags = NamedRefSerializer(many=True, source="tagged_items")
    addressees = DerivedField(AddresseeRefSerializer(many=True), get=_addressees)
    url = serializers.CharField(source="frontend_url")
    api_url = ApiUrlField("paper-list")
    pdf_url = serializers.SerializerMethodField(allow_null=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, paper) -> str | None:
        # An uploaded PDF wins; else the one the worker generated for the live version.
        # The file names are annotated: no need to load the document or print rows.
        if paper.pdf_id and not paper.pdf_restricted:
            name = os.path.basename(paper.pdf_file)
            path = reverse("wagtaildocs_serve", args=[paper.pdf_id, name])
        elif paper.print_id:
            name = os.path.basename(paper.print_file)
            path = reverse("printing-serve", args=[paper.print_id, name])
        else:
            return None
        return f"{settings.PUBLIC_BACKEND_URL}{path}"


class PaperRefSerializer(ResponseSerializer):
    """A short reference to another public paper (successor, predecessor, related)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    citation_id = serializers.CharField()
    title = serializers.CharField()
    paper_type = LabelledChoiceField(PaperType)
    status = LabelledChoiceField(PaperStatus)
    published_at = serializers.DateField(source="publication_date")
    version = serializers.CharField(source="version_label")
    url = serializers.CharField(source="frontend_url")
    api_url = ApiUrlField("paper-list")


class HeadingValueSerializer(ResponseSerializer):
    """A heading: its text and level."""

    text = serializers.CharField()
    level = EnumField(["h2", "h3"], component="HeadingValueLevelEnum")


class QuoteValueSerializer(ResponseSerializer):
    """A quotation and who said it."""

    text = serializers.CharField()
    attribution = serializers.CharField()


class TableValueSerializer(ResponseSerializer):
    """A table: caption, header flags and rows of cell texts."""

    caption = serializers.CharField()
    first_row_is_header = serializers.BooleanField()
    first_column_is_header = serializers.BooleanField()
    rows = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))


class ReferenceValueSerializer(ResponseSerializer):
    """A source the text refers to by its label."""

    label = serializers.CharField()
    text = serializers.CharField()
    url = serializers.CharField(help_text="Link der Quelle oder leer.")


class DemandValueSerializer(ResponseSerializer):
    """A demand: what to change where, how, and why."""

    reference = serializers.CharField(help_text="Artikel / Paragraf, z. B. „§ 32 Abs. 1 BSIG-E“.")
    current_wording = serializers.CharField(help_text="Geltende bzw. geplante Fassung.")
    proposed_change = serializers.CharField(help_text="Änderungsvorschlag / Forderung.")
    rationale = serializers.CharField(help_text="Begründung.")


def _block_serializer(kind: str, value) -> type[serializers.Serializer]:
    name = "".join(part.title() for part in kind.split("_")) + "Block"
    return type(
        name,
        (ResponseSerializer,),
        {
            "id": serializers.CharField(),
            "type": EnumField([kind], component=f"{name}TypeEnum"),
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


class DemandImpactSerializer(ResponseSerializer):
    """What became of a demand, as the editors recorded it (impact/)."""

    status = LabelledChoiceField(ImpactStatus)
    printed_paper = serializers.CharField(help_text="Drucksache, z. B. „20/12345“, oder leer.")
    dip_url = serializers.CharField(help_text="Link zum Vorgang im DIP oder leer.")
    law_text = serializers.CharField(help_text="Beschlossener Wortlaut oder leer.")
    decided_on = serializers.DateField(allow_null=True)
    note = serializers.CharField()


class DemandSerializer(ResponseSerializer):
    """A demand block of the body, flat: the block's id and the parts of its value."""

    id = serializers.CharField()
    reference = serializers.CharField(source="value.reference")
    current_wording = serializers.CharField(source="value.current_wording")
    proposed_change = serializers.CharField(source="value.proposed_change")
    rationale = serializers.CharField(source="value.rationale")
    # Null until the editors record an outcome (then "offen" is a recorded outcome too).
    impact = DerivedField(
        DemandImpactSerializer(allow_null=True),
        get=lambda block: block.get("impact"),
        allow_null=True,
    )


@extend_schema_field(BodyBlockSerializer)
class BodyField(serializers.Field):
    """The body's blocks (``body_blocks()`` output), each rendered by its type's serializer."""

    # Built once: block serializers need no context, and building DRF serializers (their
    # fields are deep-copied per instance) would cost more than rendering a whole body.
    block_serializers = {kind: cls() for kind, cls in BODY_BLOCK_SERIALIZERS.items()}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, blocks: list[dict]) -> list[dict]:
        return [self.block_serializers[block["type"]].to_representation(block) for block in blocks]


class AtAGlanceSerializer(ResponseSerializer):
    """The verdict and key demands a reader sees first."""

    verdict = serializers.CharField()
    key_demands = DerivedField(
        serializers.ListField(child=serializers.CharField()),
        get=lambda paper: [demand.text for demand in paper.key_demands.all()],
    )


class DispatchSerializer(ResponseSerializer):
    """When the paper was sent to whom."""

    addressee = AddresseeRefSerializer()
    sent_on = serializers.DateField()


class VersionSerializer(ResponseSerializer):
    """A published version and when it was first published."""

    version = serializers.CharField()
    published_at = serializers.DateTimeField()


class PaperDetailSerializer(PaperListSerializer):
    """The full public paper (expects a paper from ``paper_detail_prepare()``)."""

    body = BodyField(source="public_body")
    at_a_glance = AtAGlanceSerializer(source="*")
    demands = DerivedField(
        DemandSerializer(many=True),
        get=lambda paper: [block for block in paper.public_body if block["type"] == "demand"],
    )
    regulatory_projects = RegulatoryProjectRefSerializer(many=True)
    dispatches = DispatchSerializer(many=True)
    supersedes = PaperRefSerializer(many=True, source="public_predecessors")
    superseded_by = PaperRefSerializer(source="public_successor", allow_null=True)
    signatories = OrganisationRefSerializer(many=True)
    contact = ContactSerializer(source="*", allow_null=True)
    related = PaperRefSerializer(many=True, source="public_related")
    last_published_at = serializers.DateTimeField(allow_null=True)
    versions = VersionSerializer(many=True, source="public_versions")
