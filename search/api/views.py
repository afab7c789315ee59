"""The search endpoints: /api/v1/search/, /api/v1/search/suggest/ and /api/v1/search/clicks/."""

import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from cms.api import (
    PROBLEM_CONTENT_TYPE,
    ProblemError,
    ProblemSerializer,
    StrictQueryParamsMixin,
    problem_responses,
)
from cms.versions import index_generation
from search.analytics.services import search_click_record, search_query_record
from search.api.serializers import (
    SearchClickInput,
    SearchClickSerializer,
    SearchQuery,
    SearchResponseSerializer,
    SuggestQuery,
    SuggestResponseSerializer,
)
from search.backends import SearchUnavailable, search_backend
from search.services import SUGGEST_LIMIT, completions_get, search_papers
from workgroups.api.cache import cached_get
from workgroups.selectors import paper_get_public

BACKEND_HEADER = "X-Search-Backend"
FILTERS = ("working_group", "paper_type", "addressee", "level", "regulatory_project")
UNAVAILABLE = {
    (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        response=ProblemSerializer, description="Die Suche ist vorübergehend nicht erreichbar."
    )
}


def _unavailable() -> ProblemError:
    return ProblemError(
        _("Die Suche ist vorübergehend nicht erreichbar. Bitte später erneut versuchen."),
        status=503,
        code="suche-nicht-erreichbar",
    )


class SearchView(StrictQueryParamsMixin, APIView):
    """Full-text search over public position papers with facets and highlights."""

    query_serializer_class = SearchQuery

    @extend_schema(
        operation_id="search",
        summary="Suche in Positionspapieren",
        description=(
            "Volltextsuche mit deutscher Sprachanalyse. Treffer tragen die Felder der "
            "Papierliste, `score` und `highlight`; `facets` zählen je Wert mit den übrigen "
            "aktiven Filtern. Zurückgezogene Papiere werden nie gefunden, überholte stehen "
            "hinter aktuellen. Ohne Elasticsearch antwortet die Datenbanksuche mit demselben "
            "Vertrag."
        ),
        parameters=[SearchQuery],
        responses={
            200: SearchResponseSerializer,
            **problem_responses(400, 404, 429),
            **UNAVAILABLE,
        },
    )
    def get(self, request):
        def build():
            response = self.respond(request)
            return self.finalize_response(request, response).render()

        # Answers are shared for one content version and one index generation; one that
        # the database had to give while Elasticsearch was away is not kept.
        response = cached_get(
            request,
            build,
            timeout=settings.SEARCH_CACHE_SECONDS,
            key_extra=lambda: (index_generation(),),
            keep_headers=(BACKEND_HEADER,),
            cacheable=lambda response: response[BACKEND_HEADER] == search_backend().name,
            cache_control="no-cache",
        )
        self.count_search(response)
        return response

    def count_search(self, response) -> None:
        # Every first page of a query counts, served from the cache or not (search/analytics).
        if response.status_code != 200 or self.query["page"] != 1 or not self.query.get("q"):
            return
        data = getattr(response, "data", None)
        content = response.content if data is None else None
        q = self.query["q"]

        def record() -> None:
            # A cached answer has only its body: the count is read from it here, too.
            count = data["count"] if data is not None else json.loads(content)["count"]
            search_query_record(q=q, count=count)

        # Written once the answer has gone out: the server closes a response after sending
        # it, and Django runs its closers then (as for files), so nobody waits for the count.
        response._resource_closers.append(record)

    def respond(self, request) -> Response:
        query = self.query
        filters = {name: (query[name],) for name in FILTERS if query.get(name)}
        tags = [tag for tag in query.get("tag", []) if tag]
        if tags:
            filters["tag"] = tuple(dict.fromkeys(tags))
        if query.get("year"):
            filters["year"] = (str(query["year"]),)
        page, size = query["page"], query["page_size"]
        try:
            found = search_papers(
                q=query.get("q", ""),
                filters=filters,
                offset=(page - 1) * size,
                limit=size,
                correct=query["correct"],
            )
        except SearchUnavailable as exc:
            raise _unavailable() from exc
        if page > 1 and (page - 1) * size >= found.count:
            # As in /papers/: a page past the end does not exist.
            raise exceptions.NotFound(_("Diese Seite gibt es nicht."))
        url = request.build_absolute_uri()
        last = page * size >= found.count
        answer = {
            "count": found.count,
            "next": None if last else replace_query_param(url, "page", page + 1),
            "previous": None
            if page == 1
            else (
                remove_query_param(url, "page")
                if page == 2
                else replace_query_param(url, "page", page - 1)
            ),
            "results": found.papers,
            "facets": found.facets,
            "suggestion": found.suggestion,
            "corrected_query": found.corrected_query,
            "relaxed": found.relaxed,
        }
        response = Response(SearchResponseSerializer(answer, context={"request": request}).data)
        response[BACKEND_HEADER] = found.backend
        return response


class SuggestView(StrictQueryParamsMixin, APIView):
    """Completions for search-as-you-type."""

    query_serializer_class = SuggestQuery

    @extend_schema(
        operation_id="search_suggest",
        summary="Suchvorschläge beim Tippen",
        description=(
            "Bis zu 8 Vervollständigungen: Titel von Papieren, Arbeitskreisen und Terminen "
            "(mit Pfad) sowie Schlagworte, Regelungsvorhaben und Adressaten. Jedes Wort "
            "eines Titels kann der Anfang sein; Umlaute dürfen als a/ae getippt werden."
        ),
        parameters=[SuggestQuery],
        responses={200: SuggestResponseSerializer, **problem_responses(400, 429), **UNAVAILABLE},
    )
    def get(self, request):
        prefix = self.query["q"]
        try:
            results = completions_get(prefix=prefix, limit=SUGGEST_LIMIT)
        except SearchUnavailable as exc:
            raise _unavailable() from exc
        response = Response(SuggestResponseSerializer({"query": prefix, "results": results}).data)
        response["Cache-Control"] = "no-cache"
        return response


class SearchClickView(StrictQueryParamsMixin, APIView):
    """An opened search result, counted for the editors' search statistics."""

    @extend_schema(
        operation_id="search_click",
        summary="Geöffneten Suchtreffer zählen",
        description=(
            "Zählt, dass ein Treffer einer Suche geöffnet wurde (je Woche und Suchbegriff, "
            "ohne Personenbezug), und nennt den Pfad des Papiers. 404, wenn das Papier "
            "nicht öffentlich ist."
        ),
        request=SearchClickInput,
        responses={200: SearchClickSerializer, **problem_responses(400, 404, 429)},
    )
    def post(self, request):
        data = SearchClickInput(data=request.data)
        data.is_valid(raise_exception=True)
        paper = paper_get_public(slug=data.validated_data["paper"])
        if paper is None:
            raise exceptions.NotFound(_("Dieses Papier gibt es nicht."))
        search_click_record(q=data.validated_data["q"], paper_id=paper.pk)
        response = Response(SearchClickSerializer({"url": paper.frontend_url}).data)
        response["Cache-Control"] = "no-store"
        return response
