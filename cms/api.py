"""Shared API plumbing: the public API policy, problem+json errors, strict parameters, pagination."""

import functools
import re
from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://sprachrohr.example/probleme/"

TITLES = {
    400: _("Ungültige Anfrage"),
    401: _("Anmeldung erforderlich"),
    403: _("Zugriff verweigert"),
    404: _("Nicht gefunden"),
    405: _("Methode nicht erlaubt"),
    406: _("Format nicht verfügbar"),
    410: _("Nicht mehr verfügbar"),
    413: _("Anfrage zu groß"),
    414: _("Adresse zu lang"),
    429: _("Zu viele Anfragen"),
    500: _("Interner Fehler"),
    503: _("Dienst nicht verfügbar"),
}


class ProblemError(exceptions.APIException):
    """The one domain error type of the API; rendered as problem+json by the handler."""

    status_code = 400
    default_code = "invalid"

    def __init__(
        self, detail: str, *, status: int = 400, code: str = "invalid", errors: list | None = None
    ):
        super().__init__(detail=detail, code=code)
        self.status_code = status
        self.errors = errors or []


def _flatten(detail, prefix: str = "") -> list[dict]:
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            name = key if key != "non_field_errors" else ""
            out.extend(_flatten(value, f"{prefix}.{name}" if prefix and name else (name or prefix)))
        return out
    if isinstance(detail, list):
        out = []
        for item in detail:
            out.extend(_flatten(item, prefix))
        return out
    return [{"parameter": prefix or None, "detail": str(detail)}]


def problem(
    status: int, detail: str, *, code: str = "", errors: list | None = None, instance: str = ""
) -> dict:
    body = {
        "type": f"{PROBLEM_TYPE_BASE}{code}" if code else "about:blank",
        "title": str(TITLES.get(status, HTTPStatus(status).phrase)),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


def problem_exception_handler(exc, context):
    """DRF exception handler: every error becomes application/problem+json."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    status = response.status_code
    errors: list[dict] = []
    code = getattr(exc, "default_code", "") or ""
    if isinstance(exc, ProblemError):
        detail = str(exc.detail)
        errors = exc.errors
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else code
    elif isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        named = [e["parameter"] for e in errors if e["parameter"]]
        detail = (
            _("Ungültige Parameter: %(names)s.") % {"names": ", ".join(sorted(set(named)))}
            if named
            else "; ".join(e["detail"] for e in errors)
        )
        code = "ungueltiger-parameter"
    else:
        detail = (
            str(response.data.get("detail", ""))
            if isinstance(response.data, dict)
            else str(response.data)
        )
    body = problem(
        status,
        detail,
        code=str(code).replace("_", "-"),
        errors=errors,
        instance=request.path if request else "",
    )
    new = Response(body, status=status, headers={k: v for k, v in response.items()})
    new.content_type = PROBLEM_CONTENT_TYPE
    return new


def problem_response(request, status: int, detail: str, code: str = "") -> JsonResponse:
    """A problem+json response outside DRF (URL resolver 404s, 500s under /api/)."""
    return JsonResponse(
        problem(status, detail, code=code, instance=request.path),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


class PublicApiPolicy:
    """What every view of the public read API shares: JSON, anonymous, problem+json errors.

    Set here rather than in REST_FRAMEWORK, so Wagtail's admin API keeps DRF's defaults
    (session authentication, a real user). Throttling is not DRF's: the anonymous budget
    covers feeds and documents too (cms.throttle.AnonymousThrottleMiddleware).
    """

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    pagination_class = None

    def get_exception_handler(self):
        return problem_exception_handler


class StrictQueryParamsMixin(PublicApiPolicy):
    """Validate query parameters with a serializer; unknown parameters are a 400 too.

    Every public API view mixes this in (and with it the PublicApiPolicy). Set
    ``query_serializer_class``; read the cleaned values from ``self.query``.
    """

    query_serializer_class: type[serializers.Serializer] | None = None
    extra_query_params: frozenset[str] = frozenset({"format"})

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.query = self.validate_query(request)

    def validate_query(self, request) -> dict:
        serializer_class = self.query_serializer_class
        if serializer_class is None:
            return {}
        serializer = serializer_class(data=_query_dict(request.query_params, serializer_class))
        known = set(serializer.fields) | set(self.extra_query_params)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise exceptions.ValidationError(
                {name: [_("Unbekannter Parameter.")] for name in unknown}
            )
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


def _query_dict(params, serializer_class) -> dict:
    # Repeatable parameters (ListField) keep all values; others take the last one.
    repeatable = _list_fields(serializer_class)
    return {key: params.getlist(key) if key in repeatable else params.get(key) for key in params}


@functools.cache
def _list_fields(serializer_class) -> frozenset[str]:
    # Declared once per class; building the fields deep-copies every one of them.
    fields = serializer_class().fields
    return frozenset(name for name, f in fields.items() if isinstance(f, serializers.ListField))


_DIGITS = re.compile(r"[0-9]+")
# Longer numbers are past any end (and int() refuses strings beyond 4300 digits).
_MAX_DIGITS = 18


class StrictPageNumberPagination(PageNumberPagination):
    """Page-number pagination whose bad input is a 400, not a silent clamp or a 404."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    # A page past the end: 400 by default; lists that document "404 = no such page" set 404.
    page_out_of_range_status = 400

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = int(raw) if _DIGITS.fullmatch(raw) and len(raw) <= _MAX_DIGITS else 0
        if not 1 <= size <= self.max_page_size:
            raise exceptions.ValidationError(
                {
                    "page_size": [
                        _("Erlaubt sind ganze Zahlen von 1 bis %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        # ASCII digits only: str.isdigit() also accepts "²", which int() rejects.
        if not _DIGITS.fullmatch(raw) or not raw.lstrip("0"):
            raise exceptions.ValidationError(
                {"page": [_("Die Seitenzahl muss eine ganze Zahl ab 1 sein.")]}
            )
        try:
            if len(raw.lstrip("0")) > _MAX_DIGITS:
                raise exceptions.NotFound
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound as exc:
            if self.page_out_of_range_status == 404:
                raise exceptions.NotFound(_("Diese Seite gibt es nicht.")) from exc
            raise exceptions.ValidationError({"page": [_("Diese Seite gibt es nicht.")]}) from exc

    def get_page_number(self, request, paginator):
        # Checked above: digits, at most _MAX_DIGITS of them after the leading zeros.
        return request.query_params.get(self.page_query_param, "1").lstrip("0")

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    {"minimum": 1, "maximum": self.max_page_size, "default": self.page_size}
                )
        return parameters


def public_api_endpoints(endpoints):
    """drf-spectacular preprocessing hook: document /api/v1 only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ProblemSerializer(serializers.Serializer):
    """An error as application/problem+json (RFC 9457)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    errors = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField(allow_null=True)),
        required=False,
        help_text="Bei ungültigen Parametern: je Parameter der Name und das Problem.",
    )


PROBLEM_DESCRIPTIONS = {
    400: "Ungültiger oder unbekannter Parameter (der Name steht in `errors`).",
    401: "Anmeldung oder Token fehlt.",
    403: "Zugriff verweigert (z. B. Token abgelaufen oder verfälscht).",
    404: "Nicht gefunden oder nicht öffentlich.",
    410: "Nicht mehr verfügbar (z. B. ein abgelaufener oder zurückgezogener Link).",
    429: "Zu viele Anfragen; `Retry-After` nennt die Wartezeit in Sekunden.",
}


def problem_responses(*statuses: int) -> dict:
    """OpenAPI responses (drf-spectacular) for the given error statuses as problem+json."""
    from drf_spectacular.utils import OpenApiResponse

    return {
        (status, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            response=ProblemSerializer, description=PROBLEM_DESCRIPTIONS.get(status, "")
        )
        for status in statuses
    }


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Any address under /api/ that no route serves, whatever the method: 404 problem+json.

    Without it such a request falls through to the page tree, where a write method meets
    the CSRF check (403) instead of the plain answer that there is nothing here.
    """
    return problem_response(
        request, 404, str(_("Diese Adresse gibt es in der API nicht.")), code="nicht-gefunden"
    )
