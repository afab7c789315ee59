"""The serializers' contract: one choice shape everywhere, declared fields only, fast lookups."""

import pytest
from rest_framework import serializers

from tests.api.conftest import get_json
from tests.factories import OrganisationFactory
from workgroups.api.serializers.common import (
    LabelledChoiceField,
    Named,
    NamedRefSerializer,
    ResponseSerializer,
)
from workgroups.models import PaperStatus

pytestmark = pytest.mark.django_db

# Properties that carry a TextChoices value; each must be {value, label} (or null).
CHOICE_PROPERTIES = {"status", "level", "kind", "state", "paper_type", "event_type", "size_class"}
# Same names, other meaning: a heading's level in a body block, a completion's kind, an
# error's HTTP status, the search facets (lists of values with label and count).
NOT_CHOICES = {
    ("HeadingValue", "level"),
    ("Completion", "kind"),
    ("Problem", "status"),
    ("Facets", "*"),
}


def _ref(spec: dict) -> str | None:
    target = spec.get("$ref") or (spec.get("allOf") or [{}])[0].get("$ref")
    return target.rsplit("/", 1)[-1] if target else None


def test_schema_declares_every_choice_as_value_and_label(client):
    schemas = client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    checked = set()
    for name, schema in schemas.items():
        # Request bodies (COMPONENT_SPLIT_REQUEST names them "…Request") send bare values;
        # {value, label} is the shape of answers.
        if name.endswith("Request"):
            continue
        for prop, spec in (schema.get("properties") or {}).items():
            if prop not in CHOICE_PROPERTIES or {(name, prop), (name, "*")} & NOT_CHOICES:
                continue
            component = _ref(spec)
            assert component and component.endswith("Choice"), (name, prop, spec)
            choice = schemas[component]
            assert choice["required"] == ["value", "label"], component
            assert _ref(choice["properties"]["value"]) == component.replace("Choice", "Enum")
            checked.add(component)
    assert checked == {
        "PaperStatusChoice",
        "PaperTypeChoice",
        "LevelChoice",
        "StateChoice",
        "SizeClassChoice",
        "RegulatoryKindChoice",
        "EventTypeChoice",
        "ImpactStatusChoice",
    }


def _choices_in(data, found: list):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "body":
                continue  # blocks: a heading's level is h2/h3, no choice
            if key in CHOICE_PROPERTIES:
                found.append((key, value))
            _choices_in(value, found)
    elif isinstance(data, list):
        for item in data:
            _choices_in(item, found)


def test_every_answer_sends_choices_as_value_and_label(client, world):
    OrganisationFactory(slug="gross", size_class="gt100")
    urls = [
        "/api/v1/papers/",
        "/api/v1/papers/papier-alpha/",
        "/api/v1/working-groups/software/",
        "/api/v1/events/",
        "/api/v1/organisations/",
        "/api/v1/addressees/",
        "/api/v1/regulatory-projects/",
    ]
    found = []
    for url in urls:
        _choices_in(get_json(client, url), found)
    assert {key for key, _value in found} == CHOICE_PROPERTIES
    for key, value in found:
        if value is None:
            assert key in {"state", "size_class"}, key
            continue
        assert isinstance(value, dict) and set(value) == {"value", "label"}, (key, value)
        assert value["label"], (key, value)
    assert ("size_class", {"value": "gt100", "label": "über 100 Beschäftigte"}) in found
    assert ("size_class", None) in found
    assert ("status", {"value": "aktuell", "label": "aktuell"}) in found


class _Row:
    title = "Titel"
    slug = "titel"

    def shout(self):
        return "LAUT"


class _Probe(ResponseSerializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="title")
    shout = serializers.CharField()
    missing = serializers.CharField(default="vorgegeben")
    absent = serializers.CharField(required=False)
    nothing = serializers.CharField(allow_null=True, source="gibt_es_nicht")
    status = LabelledChoiceField(PaperStatus, source="slug")
    refs = NamedRefSerializer(many=True, source="items")


def test_response_serializer_renders_as_drf_does():
    row = _Row()
    row.items = [{"slug": "a", "name": "A"}, Named("b", "B")]
    data = _Probe(row).data
    assert data == {
        "slug": "titel",
        "name": "Titel",
        "shout": "LAUT",  # a method as source is called
        "missing": "vorgegeben",
        "nothing": None,
        "status": {"value": "titel", "label": "titel"},  # unknown value: its own label
        "refs": [{"slug": "a", "name": "A"}, {"slug": "b", "name": "B"}],
    }
    # The same declarations on DRF's own Serializer give the same answer.
    drf = type("DrfProbe", (serializers.Serializer,), dict(_Probe._declared_fields))
    assert drf(row).data == data
    # Fields are copies per instance: binding one serializer leaves the declarations unbound.
    assert _Probe._declared_fields["refs"].child.parent is _Probe._declared_fields["refs"]
    assert _Probe(row).fields["refs"].child.parent is not _Probe._declared_fields["refs"]
