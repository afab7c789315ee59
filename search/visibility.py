"""What a search may show, worked out once per content version: scope, hidden papers, facet labels."""

from dataclasses import dataclass

from taggit.models import Tag
from wagtail.models import Page

from cms.versions import content_version, version_cached
from search.models import IndexUpdate
from workgroups.models import Addressee, PositionPaperPage, RegulatoryProject, WorkingGroupPage
from workgroups.selectors import PublicScope, public_scope

# The number names the shape of SearchVisibility: entries of an older shape are not read.
CACHE_PREFIX = "sprachrohr:search:visibility:2:"
# Facets whose labels are names kept in the database (the others are choices or years).
NAMED_FACETS = ("working_group", "tag", "addressee", "regulatory_project")
# The visibility this process used last, by version: the shared cache is read once per
# version and process, not once per search (the version itself is read every time).
_last: dict[str, "SearchVisibility"] = {}


@dataclass(frozen=True)
class SearchVisibility:
    """The public scope, the papers the index may hold although they are not public, and names."""

    scope: PublicScope
    hidden_ids: frozenset[int]
    # facet → slug → German label, for the facets in NAMED_FACETS.
    labels: dict[str, dict[str, str]]
    # The content version this describes; None while this thread has uncommitted
    # publish-side changes (then nothing derived from it may be cached).
    version: str | None = None


def hidden_ids(*, scope: PublicScope) -> frozenset[int]:
    """Papers the index may still hold although they are not public (the database wins).

    The index follows publish-side changes through the queue; until it has, an unpublished,
    restricted, expired or deleted paper must not be counted, faceted or suggested.
    """
    public = PositionPaperPage.objects.filter(scope.q()).values("pk")
    not_public = PositionPaperPage.objects.exclude(pk__in=public).values_list("pk", flat=True)
    # Deleted pages whose removal from the index is still owed.
    gone = IndexUpdate.objects.exclude(page_id__in=Page.objects.values("pk")).values_list(
        "page_id", flat=True
    )
    return frozenset(not_public) | frozenset(gone)


def facet_labels() -> dict[str, dict[str, str]]:
    """slug → label of every value a named facet can have (four small queries)."""
    projects = RegulatoryProject.objects.values_list("slug", "short_title", "title")
    return {
        "working_group": dict(WorkingGroupPage.objects.values_list("slug", "title")),
        "tag": dict(Tag.objects.values_list("slug", "name")),
        "addressee": dict(Addressee.objects.values_list("slug", "name")),
        "regulatory_project": {slug: short or title for slug, short, title in projects},
    }


def _build(version: str | None) -> SearchVisibility:
    scope = public_scope()
    return SearchVisibility(
        scope=scope, hidden_ids=hidden_ids(scope=scope), labels=facet_labels(), version=version
    )


def search_visibility() -> SearchVisibility:
    """The visibility for the current content version, shared by all processes via the cache.

    Everything that changes what is public (publish, unpublish, move, delete, restrictions,
    renamed snippets) replaces the content version once committed, and an expiry moves it on
    by itself (cms/versions.py); so an entry is never used for a state it does not describe.
    The version is read before the database: what is built belongs to it or to a newer state.
    A thread with uncommitted publish-side changes works it out afresh and keeps nothing.
    """
    # Imported here: the publication service reaches search/services.py through its tasks.
    from workgroups.services.publication import publication_pending

    if publication_pending():
        return _build(None)
    version = content_version()
    visibility = _last.get(version)
    if visibility is None:
        visibility = version_cached(f"{CACHE_PREFIX}{version}", lambda: _build(version))
        _last.clear()
        _last[version] = visibility
    return visibility
