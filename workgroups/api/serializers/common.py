"""Pieces every resource serializer shares: choices as {value, label}, references, API links."""

import copy
import functools
import types
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils import translation
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField


@functools.cache
def route(name: str) -> str:
    return reverse(f"workgroups-api:{name}")


def api_url(route_name: str, slug: str) -> str:
    # The route is resolved once, then joined: reverse() per row is slow for long lists.
    return f"{route(route_name)}{quote(slug)}/"


_PLAIN_GET_ATTRIBUTE = serializers.Field.get_attribute
_CALLABLES = (types.FunctionType, types.MethodType)
_UNDECIDED = object()


def _lookup(instance, attrs: tuple[str, ...]):
    """The value at an attribute path, or ``_UNDECIDED`` where DRF's lookup must decide."""
    value = instance
    try:
        for attr in attrs:
            value = value[attr] if type(value) is dict else getattr(value, attr)
    except Exception:  # noqa: BLE001 - missing, a default, ObjectDoesNotExist: DRF knows
        return _UNDECIDED
    return _UNDECIDED if isinstance(value, _CALLABLES) else value


def _fresh(field):
    """A copy of a declared field for one serializer instance, as DRF's deep copy makes it.

    DRF re-runs ``__init__`` for every field of every nested serializer on every
    instance; a shallow copy with fresh nested parts (and no cached state) is the same
    for rendering, at a fraction of the cost.
    """
    clone = copy.copy(field)
    for cached in ("fields", "_output_fields", "current_labels"):
        clone.__dict__.pop(cached, None)
    if hasattr(field, "child"):
        # A list binds its child when it is made; the copy is bound afresh to the copy.
        clone.child = _fresh(field.child)
        clone.child.source = None
        clone.child.bind(field_name="", parent=clone)
    if isinstance(field, DerivedField):
        clone.serializer = _fresh(field.serializer)
    return clone


class ResponseSerializer(serializers.Serializer):
    """A serializer of response data: DRF's rendering, with fields prepared cheaply.

    List endpoints render up to 100 papers with their nested references per request, and
    a detail nests a dozen serializers. DRF deep-copies every declared field per instance
    and looks up every source through generic helpers (an ABC check per step). Here
    fields are shallow copies (``_fresh``), and a field whose source is a plain
    attribute path is read directly; anything else (a missing attribute, a default, a
    callable, a computed source) takes DRF's own path.
    """

    def get_fields(self):
        return {name: _fresh(field) for name, field in self._declared_fields.items()}

    @functools.cached_property
    def _output_fields(self) -> tuple:
        plain = _PLAIN_GET_ATTRIBUTE
        return tuple(
            (
                field.field_name,
                field,
                tuple(field.source_attrs)
                if type(field).get_attribute is plain and field.source_attrs
                else None,
            )
            for field in self.fields.values()
            if not field.write_only
        )

    def to_representation(self, instance):
        ret = {}
        for name, field, attrs in self._output_fields:
            if attrs is None or (value := _lookup(instance, attrs)) is _UNDECIDED:
                try:
                    value = field.get_attribute(instance)
                except SkipField:
                    continue
            ret[name] = None if value is None else field.to_representation(value)
        return ret


class LabelledChoiceField(serializers.Field):
    """A ``TextChoices`` value as ``{value, label}``, the label in the request's language.

    Every choice field of the API (status, level, kind, state, paper_type, event_type,
    size_class …) uses this field, so a choice has one shape everywhere. In the schema each
    choice set is a component ``<Choices>Choice`` whose ``value`` is the enum ``<Choices>Enum``.
    """

    def __init__(self, choices, **kwargs):
        self.choices_class = choices
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @staticmethod
    @functools.cache
    def _labels(choices, language: str | None) -> dict[str, str]:
        # Labels are lazy translations: resolved once per choice set and language, not per row.
        return {value: str(label) for value, label in choices.choices}

    def to_representation(self, value):
        if value in ("", None):
            # A blank optional choice (an addressee without a state) is no choice at all.
            return None
        labels = self.__dict__.get("current_labels")
        if labels is None:
            # Fields are copied per serializer instance, which renders in one language.
            labels = self.current_labels = self._labels(
                self.choices_class, translation.get_language()
            )
        return {"value": value, "label": labels.get(value, value)}


class LabelledChoiceFieldExtension(OpenApiSerializerFieldExtension):
    """Schema of ``LabelledChoiceField``: a shared ``{value, label}`` component per choice set."""

    target_class = LabelledChoiceField

    def map_serializer_field(self, auto_schema, direction):
        choices = self.target.choices_class
        name = choices.__name__
        enum = ResolvedComponent(
            name=f"{name}Enum",
            type=ResolvedComponent.SCHEMA,
            object=choices,
            schema={
                "enum": list(choices.values),
                "type": "string",
                "description": "\n".join(f"* `{v}` - {label}" for v, label in choices.choices),
            },
        )
        auto_schema.registry.register_on_missing(enum)
        choice = ResolvedComponent(
            name=f"{name}Choice",
            type=ResolvedComponent.SCHEMA,
            object=choices,
            schema={
                "type": "object",
                "description": f"{choices.__doc__ or name} Its value and German label.",
                "properties": {"value": enum.ref, "label": {"type": "string"}},
                "required": ["value", "label"],
            },
        )
        auto_schema.registry.register_on_missing(choice)
        return choice.ref


class EnumField(serializers.CharField):
    """A string from a fixed set that is no ``TextChoices`` (a block type, a heading level)."""

    def __init__(self, values: list[str], *, component: str, **kwargs):
        self.values, self.component = values, component
        super().__init__(**kwargs)


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    """Schema of ``EnumField``: an enum component of its own name."""

    target_class = EnumField

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        enum = ResolvedComponent(
            name=field.component,
            type=ResolvedComponent.SCHEMA,
            object=field.component,
            schema={"enum": list(field.values), "type": "string"},
        )
        auto_schema.registry.register_on_missing(enum)
        return enum.ref


@extend_schema_field(OpenApiTypes.STR)
class ApiUrlField(serializers.Field):
    """The API address of an item, from its slug: ``/api/v1/<route>/<slug>/``."""

    def __init__(self, route_name: str, **kwargs):
        self.route_name = route_name
        kwargs.setdefault("source", "slug")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, slug: str) -> str:
        return api_url(self.route_name, slug)


@extend_schema_field(OpenApiTypes.STR)
class PaperListUrlField(serializers.Field):
    """The paper list filtered by this item: ``/api/v1/papers/?<parameter>=<slug>``."""

    def __init__(self, parameter: str, **kwargs):
        self.parameter = parameter
        kwargs.setdefault("source", "slug")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, slug: str) -> str:
        return f"{route('paper-list')}?{urlencode({self.parameter: slug})}"


class DerivedField(serializers.Field):
    """Renders what ``get(instance)`` returns with ``serializer``: a source that is computed.

    For data an instance holds in another form than the response (the lead working group
    from annotations plus the prefetched co-authors); ``None`` renders as null.
    """

    def __init__(self, serializer: serializers.BaseSerializer, *, get, **kwargs):
        self.serializer = serializer
        self.get = get
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.serializer.bind(field_name, self)

    def get_attribute(self, instance):
        return self.get(instance)

    def to_representation(self, value):
        return self.serializer.to_representation(value)


class DerivedFieldExtension(OpenApiSerializerFieldExtension):
    """Schema of ``DerivedField``: the schema of the serializer it renders with."""

    target_class = DerivedField

    def map_serializer_field(self, auto_schema, direction):
        return auto_schema._map_serializer_field(self.target.serializer, direction)


@dataclass(frozen=True, slots=True)
class Named:
    """A reference assembled from annotations (``lead_group_slug``, ``lead_group_name``)."""

    slug: str
    name: str


class NamedRefSerializer(ResponseSerializer):
    """A working group, tag, topic or organisation referred to by slug and display name."""

    slug = serializers.CharField()
    name = serializers.CharField()


class ContactSerializer(ResponseSerializer):
    """The person to contact about a paper or working group; null when there is none."""

    name = serializers.CharField(source="contact_name")
    # Working groups name a contact without a role.
    role = serializers.CharField(source="contact_role", default="", read_only=True)
    email = serializers.CharField(source="contact_email")

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        return page if page.contact_name or page.contact_email else None
