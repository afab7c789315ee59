"""The one API view of share links: a paper's latest draft for a valid token, never cached."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api import ProblemError, StrictQueryParamsMixin, problem_responses
from sharing.api.serializers import SharedDraftSerializer
from sharing.selectors import ShareLinkState, share_link_get_by_token, share_link_state
from sharing.services import share_link_access_record
from workgroups.api.views import paper_detail_prepare
from workgroups.selectors import page_preview_prepare, public_scope

# Private to the one recipient: no shared cache, no browser cache, no ISR cache.
NO_STORE = "private, no-store"


class SharedDraftView(StrictQueryParamsMixin, APIView):
    """The latest draft a share link points to, rendered like the editor's preview."""

    @extend_schema(
        summary="Vertraulicher Entwurf über einen geteilten Link",
        description=(
            "Nur mit einem gültigen Token; abgelaufene oder zurückgezogene Links antworten "
            "mit 410. Nie zwischengespeichert."
        ),
        responses={200: SharedDraftSerializer, **problem_responses(404, 410, 429)},
    )
    def get(self, request, token: str):
        link = share_link_get_by_token(token=token)
        if link is None:
            raise ProblemError(_("Diesen Link gibt es nicht."), status=404, code="link-unbekannt")
        state = share_link_state(link)
        if state is not ShareLinkState.ACTIVE:
            raise ProblemError(
                _("Dieser Link ist abgelaufen oder wurde zurückgezogen."),
                status=410,
                code="link-abgelaufen"
                if state is ShareLinkState.EXPIRED
                else "link-zurueckgezogen",
            )
        # The same path as the editor's preview: the draft object, prepared like a public
        # row, then the preview serializer.
        scope = public_scope()
        draft = link.paper.get_latest_revision_as_object()
        page_preview_prepare(page=draft, kind="paper", scope=scope)
        paper_detail_prepare(draft, scope=scope)
        draft.share_link = link
        data = SharedDraftSerializer(draft).data
        share_link_access_record(link=link)
        return Response(data, headers={"Cache-Control": NO_STORE})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors too: a 410 must not be remembered for a token that a later visitor reuses.
        response["Cache-Control"] = NO_STORE
        return response
