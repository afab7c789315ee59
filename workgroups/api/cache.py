"""Server-side response cache and conditional GET (ETag, 304) for the public read API."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response

from cms.versions import content_version, version_cached
from workgroups.selectors import PublicScope, public_scope
from workgroups.services.publication import publication_pending


def _cache_key(request: HttpRequest, extra: tuple[str, ...] = ()) -> str:
    query = sorted((key, value) for key in request.GET for value in request.GET.getlist(key))
    parts = [
        request.content_version,
        *extra,
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        request.path,
        repr(query),
    ]
    return "sprachrohr:api:response:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def public_scope_cached(request: HttpRequest) -> PublicScope:
    """The public scope, shared between requests of the same content version.

    The scope changes only through the publish-side events that replace the version, or
    at an expiry, which moves the version on as well (cms/versions.py); a request without a
    version (cache off, uncommitted changes) computes it afresh.
    """
    version = getattr(request, "content_version", None)
    if version is None:
        return public_scope()
    return version_cached(f"sprachrohr:api:scope:{version}", public_scope)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def cached_get(
    request: HttpRequest,
    build: Callable[[], HttpResponse],
    *,
    timeout: int | None = None,
    key_extra: Callable[[], tuple[str, ...]] = tuple,
    keep_headers: tuple[str, ...] = (),
    cacheable: Callable[[HttpResponse], bool] = lambda response: True,
    cache_control: str | None = None,
) -> HttpResponse:
    """Serve a GET from the shared cache or build it; add ETag/Cache-Control; 304 on a match.

    ``build`` must return a rendered response; only 200 responses that are ``cacheable``
    are stored, with the ``keep_headers`` they carry. ``key_extra`` adds further versions
    to the key (read before building, like the content version).
    """
    timeout = settings.API_RESPONSE_CACHE_SECONDS if timeout is None else timeout
    # A thread with uncommitted publish-side changes must neither read stale entries nor
    # store its uncommitted view.
    key = None
    if timeout > 0 and not publication_pending():
        # Read the versions before any content: whatever is then built belongs to them or
        # to a newer state, never to an older one.
        request.content_version = content_version()
        key = _cache_key(request, key_extra())
    entry = cache.get(key) if key else None
    if entry is not None:
        body, content_type, etag, headers = entry
        response = HttpResponse(body, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
    else:
        response = build()
        if response.status_code != 200:
            return response
        etag = _etag(response.content)
        if key and cacheable(response):
            headers = {name: response[name] for name in keep_headers if name in response}
            cache.set(key, (response.content, response["Content-Type"], etag, headers), timeout)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control or f"public, max-age={settings.API_CLIENT_MAX_AGE}"
    return get_conditional_response(request, etag=etag, response=response) or response
