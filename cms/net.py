"""The client's address behind the trusted reverse proxies (TRUSTED_PROXY_COUNT)."""

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip


def client_ip(request: HttpRequest) -> str:
    """The address of whoever connected to the outermost trusted proxy.

    Each of the ``TRUSTED_PROXY_COUNT`` proxies appends the address it received the request
    from to X-Forwarded-For, so the client is the n-th entry from the right; anything left
    of it is whatever the client sent and is ignored. django-ipware counts only the proxies
    *between* the entries of the header (the last proxy is the socket peer, REMOTE_ADDR),
    hence ``proxy_count = n - 1``. Without trusted proxies, or when a request reached Django
    without passing them (no header), the socket address counts. django-axes uses this
    function too (AXES_CLIENT_IP_CALLABLE), so lockouts and the throttle agree.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies < 1 or not request.META.get("HTTP_X_FORWARDED_FOR"):
        return remote
    address, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or remote
