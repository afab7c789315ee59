"""Which backends serve searches and which receive index updates."""

from django.conf import settings

from search.backends.base import SearchBackend, SearchUnavailable


def search_backend() -> SearchBackend:
    """The backend that answers searches: Elasticsearch if configured, else the database."""
    if settings.ELASTICSEARCH_URL:
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    return database_backend()


def database_backend() -> SearchBackend:
    from search.backends.database import DatabaseBackend

    return DatabaseBackend()


def fallback_backend() -> SearchBackend | None:
    """The database backend when it stands in for an unreachable Elasticsearch."""
    if settings.ELASTICSEARCH_URL and settings.SEARCH_DATABASE_FALLBACK:
        return database_backend()
    return None


def write_backends() -> list[SearchBackend]:
    """Every backend an index update must reach (database first: it cannot be "down")."""
    backends = []
    if not settings.ELASTICSEARCH_URL or settings.SEARCH_DATABASE_FALLBACK:
        backends.append(database_backend())
    if settings.ELASTICSEARCH_URL:
        from search.backends.elasticsearch import ElasticsearchBackend

        backends.append(ElasticsearchBackend(settings.ELASTICSEARCH_URL))
    return backends


__all__ = [
    "SearchBackend",
    "SearchUnavailable",
    "database_backend",
    "fallback_backend",
    "search_backend",
    "write_backends",
]
