"""Which documents anyone may download: those a public page uses, or that editors released."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from django.db.models.lookups import StartsWith
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from workgroups.models import PositionPaperPage
from workgroups.selectors import PublicScope, public_scope

# Files in this collection are public on purpose; only editors may put files there.
RELEASED_COLLECTION_NAME = "Öffentliche Dateien"


def released_collection() -> Collection | None:
    """The editors' collection of deliberately public files, if it exists."""
    return (
        Collection.get_first_root_node()
        .get_children()
        .filter(name=RELEASED_COLLECTION_NAME)
        .first()
    )


def released_collection_ensure() -> Collection:
    """Create the editors' collection of deliberately public files (idempotent)."""
    return released_collection() or Collection.get_first_root_node().add_child(
        name=RELEASED_COLLECTION_NAME
    )


def document_restricted() -> Exists:
    """The document's collection (or one above it) carries a view restriction."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            StartsWith(OuterRef("collection__path"), F("collection__path"))
        )
    )


def documents_public_q(*, scope: PublicScope | None = None) -> Q:
    """A filter for documents that anonymous visitors may download.

    A document is public while it is outside any restricted collection and either a
    public page uses it — as a paper's PDF or as a link in its text (Wagtail's
    reference index, which reads the live content of live pages) — or it lies in the
    editors' released collection.
    """
    scope = scope or public_scope()
    document_type = ContentType.objects.get_for_model(get_document_model())
    public_page_keys = (
        Page.objects.filter(scope.q()).annotate(key=Cast("pk", CharField())).values("key")
    )
    as_pdf = Exists(PositionPaperPage.objects.filter(scope.q(), pdf_id=OuterRef("pk")))
    linked = Exists(
        ReferenceIndex.objects.filter(
            to_content_type=document_type,
            to_object_id=Cast(OuterRef("pk"), CharField()),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_page_keys,
        )
    )
    used = as_pdf | linked
    released = released_collection()
    if released is not None:
        used |= Q(collection__path__startswith=released.path)
    return ~document_restricted() & used


def document_is_public(*, document, scope: PublicScope | None = None) -> bool:
    """The same rule as ``documents_public_q`` for one document."""
    return (
        get_document_model()
        .objects.filter(pk=document.pk)
        .filter(documents_public_q(scope=scope))
        .exists()
    )
