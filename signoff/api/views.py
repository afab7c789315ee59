"""Public API view of the Lobbyregister statement of a paper."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions

from cms.api import problem_responses
from signoff.api.serializers import LobbyregisterStatementSerializer
from signoff.selectors import lobbyregister_prepare
from workgroups.api.views import CONDITIONAL_GET, NOT_MODIFIED, PublicDetailView
from workgroups.selectors import paper_get_public


@extend_schema_view(
    get=extend_schema(
        summary="Stellungnahme für das Lobbyregister",
        description=(
            "Für ein öffentliches Papier mit Versand an Bundesadressaten die Stellungnahme "
            "im Open-Data-Format des Lobbyregisters; sonst 404."
        ),
        parameters=CONDITIONAL_GET,
        responses={
            200: LobbyregisterStatementSerializer,
            **NOT_MODIFIED,
            **problem_responses(404, 429),
        },
    )
)
class LobbyregisterStatementView(PublicDetailView):
    serializer_class = LobbyregisterStatementSerializer

    def get_object(self):
        paper = paper_get_public(slug=self.kwargs["slug"], scope=self.get_scope())
        if paper is None:
            raise exceptions.NotFound(
                _("Dieses Papier gibt es nicht oder es ist nicht öffentlich.")
            )
        statement = lobbyregister_prepare(paper=paper)
        if statement is None:
            raise exceptions.NotFound(
                _(
                    "Für dieses Papier gibt es keine Stellungnahme im Lobbyregister: kein "
                    "Versand an Bundesadressaten oder kein Regelungsvorhaben mit "
                    "Lobbyregister-Nummer."
                )
            )
        return statement
