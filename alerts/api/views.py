"""The subscription endpoints: subscribe, confirm, one-click unsubscribe, manage an address."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from alerts.api.serializers import (
    HONEYPOT,
    AcceptedSerializer,
    ConfirmedSerializer,
    ManageSerializer,
    SubscriptionRequestSerializer,
    TokenSerializer,
)
from alerts.models import TopicKind
from alerts.selectors import subscriptions_of, topic_describe, topic_label
from alerts.services import (
    email_normalise,
    search_value,
    subscribe_client_throttled,
    subscription_confirm,
    subscription_delete,
    subscription_request,
    subscriptions_delete_all,
)
from alerts.tokens import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    MANAGE_MAX_AGE,
    MANAGE_SALT,
    UNSUBSCRIBE_SALT,
    token_read,
    unsubscribe_token,
)
from cms.api import ProblemError, StrictQueryParamsMixin, problem_responses
from cms.net import client_ip
from workgroups.api.filters import EmptyQuery

NO_STORE = {"Cache-Control": "no-store, private"}


class SubscriptionView(StrictQueryParamsMixin, APIView):
    query_serializer_class = EmptyQuery


def _bad_token() -> ProblemError:
    return ProblemError(
        _("Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet."),
        status=404,
        code="link-ungueltig",
    )


class SubscriptionCreateView(SubscriptionView):
    """Subscribe to alerts (double opt-in: nothing is sent before the confirmation)."""

    @extend_schema(
        operation_id="subscription_create",
        summary="Benachrichtigung bestellen",
        description=(
            "Bestellt E-Mails zu genau einem Thema. Die Antwort ist für jede gültige Anfrage "
            "202, ob die Adresse bekannt ist oder nicht; eine Bestätigungs-E-Mail mit einem "
            "einmal gültigen Link folgt (höchstens eine je Adresse und Thema in 7 Tagen)."
        ),
        request=SubscriptionRequestSerializer,
        responses={202: AcceptedSerializer, **problem_responses(400, 429)},
    )
    def post(self, request):
        wait = subscribe_client_throttled(client=client_ip(request))
        if wait is not None:
            raise exceptions.Throttled(
                wait=wait,
                detail=_("Zu viele Anmeldungen; bitte in %(seconds)s Sekunden erneut versuchen.")
                % {"seconds": wait},
            )
        serializer = SubscriptionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        accepted = Response(
            {
                "detail": _(
                    "Danke! Wenn die Angaben stimmen, kommt gleich eine E-Mail mit einem "
                    "Bestätigungslink."
                )
            },
            status=status.HTTP_202_ACCEPTED,
            headers=NO_STORE,
        )
        if data.get(HONEYPOT):
            return accepted  # a bot filled the hidden field: it learns nothing
        kind = data["kind"]
        value = search_value(dict(data[kind])) if kind == TopicKind.QUERY else data[kind]
        if topic_label(kind=kind, value=value) is None:
            raise exceptions.ValidationError(
                {kind: [_("Dieses Thema gibt es nicht oder es ist nicht öffentlich.")]}
            )
        subscription_request(
            email=data["email"], kind=kind, value=value, frequency=data["frequency"]
        )
        return accepted


class SubscriptionConfirmView(SubscriptionView):
    """Confirm a subscription with the token of the confirmation e-mail (once)."""

    @extend_schema(
        operation_id="subscription_confirm",
        summary="Benachrichtigung bestätigen",
        request=TokenSerializer,
        responses={200: ConfirmedSerializer, **problem_responses(400, 404, 429)},
    )
    def post(self, request):
        serializer = TokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription_id = token_read(
            serializer.validated_data["token"], salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE
        )
        subscription = (
            subscription_confirm(subscription_id=subscription_id)
            if isinstance(subscription_id, int)
            else None
        )
        if subscription is None:
            raise _bad_token()
        return Response(
            ConfirmedSerializer(
                {
                    "topic": topic_describe(subscription=subscription),
                    "frequency": subscription.frequency,
                }
            ).data,
            headers=NO_STORE,
        )


class UnsubscribeView(SubscriptionView):
    """One-click unsubscribe (RFC 8058): a POST without session, form token or body needed."""

    # Mail clients post "List-Unsubscribe=One-Click" as a form; the body is never read.
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="subscription_unsubscribe",
        summary="Benachrichtigung abbestellen (ein Klick)",
        description=(
            "Ziel des Headers `List-Unsubscribe` (RFC 8058). Löscht das Abonnement; "
            "wiederholt aufgerufen ebenfalls 200."
        ),
        request=None,
        responses={200: AcceptedSerializer, **problem_responses(404, 429)},
    )
    def post(self, request, token: str):
        subscription_id = token_read(token, salt=UNSUBSCRIBE_SALT)
        if not isinstance(subscription_id, int):
            raise _bad_token()
        subscription_delete(subscription_id=subscription_id)
        return Response(
            {"detail": _("Sie sind abgemeldet und erhalten zu diesem Thema keine E-Mails mehr.")},
            headers=NO_STORE,
        )


def _manage_email(token: str) -> str:
    email = token_read(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    if not isinstance(email, str):
        raise _bad_token()
    return email_normalise(email)


def _overview(email: str) -> dict:
    return {
        "email": email,
        "subscriptions": [
            {
                "id": subscription.pk,
                "topic": topic_describe(subscription=subscription),
                "frequency": subscription.frequency,
                "confirmed": subscription.confirmed_at is not None,
                "unsubscribe_token": unsubscribe_token(subscription_id=subscription.pk),
            }
            for subscription in subscriptions_of(email=email)
        ],
    }


class ManageView(SubscriptionView):
    """Every subscription of the address named in a signed token: list them or delete all."""

    @extend_schema(
        operation_id="subscriptions_manage",
        summary="Benachrichtigungen einer Adresse",
        responses={200: ManageSerializer, **problem_responses(404, 429)},
    )
    def get(self, request, token: str):
        return Response(ManageSerializer(_overview(_manage_email(token))).data, headers=NO_STORE)

    @extend_schema(
        operation_id="subscriptions_delete_all",
        summary="Alle Benachrichtigungen einer Adresse löschen",
        responses={200: ManageSerializer, **problem_responses(404, 429)},
    )
    def delete(self, request, token: str):
        email = _manage_email(token)
        subscriptions_delete_all(email=email)
        return Response(ManageSerializer(_overview(email)).data, headers=NO_STORE)


class ManageOneView(SubscriptionView):
    """Delete one subscription of the address named in a signed token."""

    @extend_schema(
        operation_id="subscriptions_delete_one",
        summary="Eine Benachrichtigung löschen",
        responses={
            200: ManageSerializer,
            404: OpenApiResponse(description="Link ungültig oder keine solche Benachrichtigung."),
            **problem_responses(429),
        },
    )
    def delete(self, request, token: str, pk: int):
        email = _manage_email(token)
        if not subscription_delete(subscription_id=pk, email=email):
            raise exceptions.NotFound(_("Diese Benachrichtigung gibt es nicht (mehr)."))
        return Response(ManageSerializer(_overview(email)).data, headers=NO_STORE)
