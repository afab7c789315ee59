"""Project middleware: problem+json for every error under /api/, a CSP per kind of answer."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.api import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"
# What an error that did not come from the API's own views means, by status.
DETAILS = {
    400: (_("Die Anfrage ist ungültig."), "ungueltige-anfrage"),
    403: (_("Der Zugriff ist nicht erlaubt."), "zugriff-verweigert"),
    404: (_("Diese Adresse gibt es in der API nicht."), "nicht-gefunden"),
    405: (_("Diese Methode ist hier nicht erlaubt."), "methode-nicht-erlaubt"),
    413: (_("Die Anfrage ist zu groß."), "anfrage-zu-gross"),
    500: (_("Ein interner Fehler ist aufgetreten."), "interner-fehler"),
}
# Headers of the replaced answer that describe its body, not the situation.
_BODY_HEADERS = {"content-type", "content-length", "content-language", "content-disposition"}


class ApiProblemMiddleware:
    """Every error answer under /api/ is application/problem+json.

    The API's views already answer so; this covers what happens before or beside them:
    a foreign Host header (400 from Django), URL resolver 404s (in DEBUG Django's technical
    page), 500s, CSRF failures. It sits outermost, so it also sees the errors of the other
    middlewares, and sets the data CSP itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE)
        ):
            return response
        detail, code = DETAILS.get(response.status_code, (None, ""))
        problem = problem_response(
            request,
            response.status_code,
            str(detail or response.reason_phrase),
            code=code,
        )
        for name, value in response.items():
            if name.lower() not in _BODY_HEADERS:
                problem[name] = value
        problem["Content-Security-Policy"] = build_policy(config=settings.CSP_DATA_POLICY)
        return problem


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a policy per path prefix (CSP_POLICIES_BY_PATH); the admin's otherwise."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        for prefix, policy in settings.CSP_POLICIES_BY_PATH:
            if request.path.startswith(prefix):
                parts.config = policy
                break
        return parts
