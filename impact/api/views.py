"""GET /api/v1/impact/: counts over public papers only, cached like every public answer."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from cms.api import problem_responses
from impact.api.serializers import ImpactQuery, ImpactSummarySerializer
from impact.models import ImpactStatus
from impact.selectors import impact_summary
from workgroups.api.serializers.common import Named
from workgroups.api.views import CONDITIONAL_GET, NOT_MODIFIED, PublicView


def _counts(counter) -> dict:
    return {
        "demands": sum(counter.values()),
        "outcomes": [{"status": s, "count": counter.get(s, 0)} for s in ImpactStatus.values],
    }


@extend_schema_view(
    get=extend_schema(
        summary="Was wurde aus den Forderungen?",
        description=(
            "Forderungen öffentlicher Papiere nach Ergebnis: insgesamt, je federführendem "
            "Arbeitskreis, Jahr der Veröffentlichung und Ebene der Regelungsvorhaben. "
            "Forderungen ohne erfasstes Ergebnis zählen als offen."
        ),
        parameters=[ImpactQuery, *CONDITIONAL_GET],
        responses={200: ImpactSummarySerializer, **NOT_MODIFIED, **problem_responses(400, 429)},
    )
)
class ImpactSummaryView(PublicView):
    serializer_class = ImpactSummarySerializer
    query_serializer_class = ImpactQuery

    def respond(self, request, *args, **kwargs) -> Response:
        summary = impact_summary(
            working_group=self.query.get("working_group"),
            year=self.query.get("year"),
            level=self.query.get("level"),
            scope=self.get_scope(),
        )
        data = {
            "total": _counts(summary["total"]),
            "working_groups": [
                {"working_group": Named(slug, name), **_counts(counter)}
                for (slug, name), counter in summary["working_groups"]
            ],
            "years": [{"year": year, **_counts(counter)} for year, counter in summary["years"]],
            "levels": [
                {"level": level, **_counts(counter)} for level, counter in summary["levels"]
            ],
        }
        return Response(self.get_serializer(data).data)
