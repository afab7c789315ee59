"""Read-only views of the public API: papers, working groups, events, snippets, routing, preview."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from cms.api import (
    ProblemError,
    StrictPageNumberPagination,
    StrictQueryParamsMixin,
    problem_responses,
)
from impact.selectors import impact_attach
from workgroups.api import filters
from workgroups.api.cache import cached_get, public_scope_cached
from workgroups.api.richtext import body_blocks, body_rich_texts, link_targets_resolve
from workgroups.api.serializers import (
    AddresseeSerializer,
    EventSerializer,
    OrganisationSerializer,
    PageRefSerializer,
    PaperDetailSerializer,
    PaperListSerializer,
    PreviewSerializer,
    RegulatoryProjectSerializer,
    TagSerializer,
    WorkingGroupDetailSerializer,
    WorkingGroupListSerializer,
)
from workgroups.models import PositionPaperPage
from workgroups.selectors import (
    PUBLIC_PAGE_TYPES,
    addressee_list,
    event_get_public,
    event_list,
    events_upcoming_for_group,
    organisation_list,
    page_get_public_by_path,
    page_preview_prepare,
    page_public_type,
    paper_get_public,
    paper_ids,
    paper_predecessors,
    paper_related,
    paper_successor,
    paper_versions,
    papers_hydrate,
    public_scope,
    regulatory_project_list,
    tag_list,
    working_group_get_public,
    working_group_list,
)

CONDITIONAL_GET = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="ETag einer früheren Antwort; unverändert → 304 ohne Inhalt.",
    )
]
ETAG_HEADERS = [
    OpenApiParameter("ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
    OpenApiParameter("Cache-Control", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200]),
]
NOT_MODIFIED = {304: OpenApiResponse(description="Nicht geändert (If-None-Match passt).")}


class ListPagination(StrictPageNumberPagination):
    page_out_of_range_status = 404


class PublicView(StrictQueryParamsMixin, GenericAPIView):
    """A cached, conditional, read-only view over public content; subclasses ``respond()``."""

    query_serializer_class = filters.EmptyQuery
    scope = None

    def get(self, request, *args, **kwargs):
        def build():
            response = self.respond(request, *args, **kwargs)
            return self.finalize_response(request, response, *args, **kwargs).render()

        return cached_get(request, build)

    def respond(self, request, *args, **kwargs) -> Response:
        raise NotImplementedError

    def get_scope(self):
        # One scope per request, shared by every selector the view calls (and by requests
        # of the same content version).
        if self.scope is None:
            self.scope = public_scope_cached(self.request)
        return self.scope


class PublicListView(mixins.ListModelMixin, PublicView):
    pagination_class = ListPagination
    extra_query_params = frozenset({"format", "page", "page_size"})

    def respond(self, request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)


class PublicDetailView(mixins.RetrieveModelMixin, PublicView):
    extra_context: dict | None = None

    def respond(self, request, *args, **kwargs) -> Response:
        return self.retrieve(request, *args, **kwargs)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), **(self.extra_context or {})}


def _list_schema(summary: str, serializer, query=None, **kwargs):
    return extend_schema(
        summary=summary,
        parameters=[*([query] if query else []), *CONDITIONAL_GET],
        responses={
            200: serializer(many=True),
            **NOT_MODIFIED,
            **problem_responses(400, 404, 429),
        },
        **kwargs,
    )


def _detail_schema(summary: str, serializer, **kwargs):
    return extend_schema(
        summary=summary,
        parameters=CONDITIONAL_GET,
        responses={200: serializer, **NOT_MODIFIED, **problem_responses(404, 429)},
        **kwargs,
    )


def _not_found(what: str):
    return exceptions.NotFound(
        _("%(what)s gibt es nicht oder es ist nicht öffentlich.") % {"what": what}
    )


@extend_schema_view(
    get=_list_schema(
        "Positionspapiere",
        PaperListSerializer,
        filters.PaperListQuery,
        description=(
            "Öffentliche Papiere, neueste zuerst. Ohne `status` werden zurückgezogene "
            "Papiere ausgelassen; `tag` mehrfach angegeben verlangt alle Schlagworte."
        ),
    )
)
class PaperListView(PublicListView):
    serializer_class = PaperListSerializer
    query_serializer_class = filters.PaperListQuery

    def list(self, request, *args, **kwargs):
        # Count and page through ids only, then load the page's papers with everything the
        # serializer needs: deep pages cost no more than the first.
        ids = self.paginate_queryset(self.get_queryset())
        papers = papers_hydrate(ids=list(ids), scope=self.get_scope())
        return self.get_paginated_response(self.get_serializer(papers, many=True).data)

    def get_queryset(self):
        query = self.query
        return paper_ids(
            scope=self.get_scope(),
            working_group=query.get("working_group"),
            tags=query.get("tag"),
            paper_type=query.get("paper_type"),
            addressee=query.get("addressee"),
            level=query.get("level"),
            regulatory_project=query.get("regulatory_project"),
            statuses=query.get("status"),
            published_after=query.get("published_after"),
            published_before=query.get("published_before"),
            ordering=query.get("ordering") or "-published_at",
        )


def paper_detail_prepare(paper: PositionPaperPage, *, scope) -> PositionPaperPage:
    """Attach successor, predecessors, related papers, versions and the body (links resolved)."""
    paper.public_successor = paper_successor(paper=paper, scope=scope)
    paper.public_predecessors = paper_predecessors(paper=paper, scope=scope)
    paper.public_related = paper_related(paper=paper, scope=scope)
    paper.public_versions = paper_versions(paper=paper)
    targets = link_targets_resolve(body_rich_texts(paper.body), scope=scope)
    paper.public_body = body_blocks(paper.body, targets=targets)
    impact_attach(paper=paper, blocks=paper.public_body)
    return paper


@extend_schema_view(get=_detail_schema("Ein Positionspapier", PaperDetailSerializer))
class PaperDetailView(PublicDetailView):
    serializer_class = PaperDetailSerializer

    def get_object(self):
        paper = paper_get_public(slug=self.kwargs["slug"], scope=self.get_scope())
        if paper is None:
            raise _not_found(_("Dieses Papier"))
        return paper_detail_prepare(paper, scope=self.get_scope())


@extend_schema_view(get=_list_schema("Arbeitskreise", WorkingGroupListSerializer))
class WorkingGroupListView(PublicListView):
    serializer_class = WorkingGroupListSerializer

    def get_queryset(self):
        return working_group_list(scope=self.get_scope())


@extend_schema_view(get=_detail_schema("Ein Arbeitskreis", WorkingGroupDetailSerializer))
class WorkingGroupDetailView(PublicDetailView):
    serializer_class = WorkingGroupDetailSerializer

    def get_object(self):
        scope = self.get_scope()
        group = working_group_get_public(slug=self.kwargs["slug"], scope=scope)
        if group is None:
            raise _not_found(_("Diesen Arbeitskreis"))
        group.public_upcoming_events = events_upcoming_for_group(group=group, scope=scope)
        self.extra_context = {"link_targets": link_targets_resolve([group.mission], scope=scope)}
        return group


@extend_schema_view(
    get=_list_schema(
        "Veranstaltungen",
        EventSerializer,
        filters.EventListQuery,
        description="Öffentliche Veranstaltungen, früheste zuerst.",
    )
)
class EventListView(PublicListView):
    serializer_class = EventSerializer
    query_serializer_class = filters.EventListQuery

    def get_queryset(self):
        query = self.query
        return event_list(
            scope=self.get_scope(),
            working_group=query.get("working_group"),
            upcoming=query.get("upcoming", False),
            date_from=query.get("from"),
            date_to=query.get("to"),
            descending=query.get("ordering") == "-starts_at",
        )


@extend_schema_view(get=_detail_schema("Eine Veranstaltung", EventSerializer))
class EventDetailView(PublicDetailView):
    serializer_class = EventSerializer

    def get_object(self):
        event = event_get_public(slug=self.kwargs["slug"], scope=self.get_scope())
        if event is None:
            raise _not_found(_("Diese Veranstaltung"))
        return event


@extend_schema_view(get=_list_schema("Mitgliedsunternehmen", OrganisationSerializer))
class OrganisationListView(PublicListView):
    serializer_class = OrganisationSerializer

    def get_queryset(self):
        return organisation_list(scope=self.get_scope())


@extend_schema_view(get=_list_schema("Adressaten", AddresseeSerializer, filters.AddresseeListQuery))
class AddresseeListView(PublicListView):
    serializer_class = AddresseeSerializer
    query_serializer_class = filters.AddresseeListQuery

    def get_queryset(self):
        return addressee_list(scope=self.get_scope(), level=self.query.get("level"))


@extend_schema_view(
    get=_list_schema(
        "Regelungsvorhaben",
        RegulatoryProjectSerializer,
        filters.RegulatoryProjectListQuery,
        description="Vorhaben mit laufender Anhörungsfrist zuerst (nächste Frist zuerst).",
    )
)
class RegulatoryProjectListView(PublicListView):
    serializer_class = RegulatoryProjectSerializer
    query_serializer_class = filters.RegulatoryProjectListQuery

    def get_queryset(self):
        return regulatory_project_list(
            scope=self.get_scope(),
            level=self.query.get("level"),
            kind=self.query.get("kind"),
            open_only=self.query.get("open", False),
        )


@extend_schema_view(
    get=_list_schema(
        "Schlagworte",
        TagSerializer,
        description="Schlagworte öffentlicher Papiere mit der Zahl ihrer Papiere.",
    )
)
class TagListView(PublicListView):
    serializer_class = TagSerializer

    def get_queryset(self):
        return tag_list(scope=self.get_scope())


@extend_schema_view(
    get=extend_schema(
        summary="Seite zu einem Frontend-Pfad",
        parameters=[filters.PageByPathQuery, *CONDITIONAL_GET],
        responses={
            200: PageRefSerializer,
            **NOT_MODIFIED,
            **problem_responses(400, 404, 429),
        },
    )
)
class PageByPathView(PublicView):
    serializer_class = PageRefSerializer
    query_serializer_class = filters.PageByPathQuery

    def respond(self, request, *args, **kwargs) -> Response:
        page = page_get_public_by_path(path=self.query["path"], scope=self.get_scope())
        if page is None:
            raise _not_found(_("Diese Seite"))
        page.public_type = page_public_type(page)
        return Response(self.get_serializer(page).data)


def _preview_data(page, kind: str, *, scope) -> dict:
    page = page_preview_prepare(page=page, kind=kind, scope=scope)
    context = {}
    if kind == "paper":
        paper_detail_prepare(page, scope=scope)
    elif kind == "working_group":
        context["link_targets"] = link_targets_resolve([page.mission], scope=scope)
    return PreviewSerializer(page, context=context).data


class PreviewView(StrictQueryParamsMixin, APIView):
    """The draft an editor is previewing, for the frontend's preview route (never cached)."""

    query_serializer_class = filters.PreviewQuery

    @extend_schema(
        summary="Vorschau eines Entwurfs (Headless-Vorschau)",
        parameters=[filters.PreviewQuery],
        responses={200: PreviewSerializer, **problem_responses(400, 401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        token = self.query.get("token")
        if not token:
            error = ProblemError(
                _("Für die Vorschau ist ein Token nötig."), status=401, code="token-fehlt"
            )
            error.auth_header = 'Token realm="Sprachrohr-Vorschau"'
            raise error
        try:
            HeadlessPreviewMixin.get_preview_signer().unsign(
                token, max_age=settings.PREVIEW_TOKEN_MAX_AGE
            )
        except signing.SignatureExpired as exc:
            raise ProblemError(
                _("Das Vorschau-Token ist abgelaufen; bitte die Vorschau neu öffnen."),
                status=403,
                code="token-abgelaufen",
            ) from exc
        except signing.BadSignature as exc:
            raise ProblemError(
                _("Das Vorschau-Token ist ungültig."), status=403, code="token-ungueltig"
            ) from exc
        preview = PagePreview.objects.filter(token=token).first()
        content_type = preview and ContentType.objects.get_for_id(preview.content_type_id)
        kind = content_type and PUBLIC_PAGE_TYPES.get(
            f"{content_type.app_label}.{content_type.model}"
        )
        if not kind:
            raise _not_found(_("Diese Vorschau"))
        requested = self.query.get("content_type")
        if requested and requested.lower() != f"{content_type.app_label}.{content_type.model}":
            raise exceptions.ValidationError(
                {"content_type": [_("Passt nicht zum Seitentyp der Vorschau.")]}
            )
        data = _preview_data(preview.as_page(), kind, scope=public_scope())
        return Response(data, headers={"Cache-Control": "no-store, private"})
