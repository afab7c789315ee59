"""The admin visibility policy: which pages and documents one person may see in the admin."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, Page, ReferenceIndex

from workgroups.access.public import documents_public_q
from workgroups.models import WorkingGroupAccess
from workgroups.selectors import PublicScope, public_scope
from workgroups.services.roles import EDITORS_GROUP_NAME

_CACHE_ATTRIBUTE = "_workgroups_admin_scope"


def _nothing(prefix: str = "") -> Q:
    return Q(**{f"{prefix}pk__in": []})


def _outermost(paths) -> tuple[str, ...]:
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(other) for other in kept):
            kept.append(path)
    return tuple(kept)


@dataclass(frozen=True)
class AdminScope:
    """What one person may see in the admin: everything (editors) or workspace and public site."""

    # Editors (group "Redaktion") and superusers see everything. Everyone else sees their
    # workspace — the subtrees they hold page permissions on (their working groups) and
    # the pages above them — plus what is public on the site; the documents of their
    # working groups (collections, colleagues' uploads) plus public documents.
    user_id: int | None
    everything: bool
    own_paths: tuple[str, ...] = ()
    ancestor_paths: tuple[str, ...] = ()
    collection_paths: tuple[str, ...] = ()
    group_ids: tuple[int, ...] = ()
    public: PublicScope | None = None

    # Pages

    def workspace_q(self, prefix: str = "") -> Q:
        """Pages of the person's own areas and the pages above them."""
        if self.everything:
            return Q()
        q = (
            Q(**{f"{prefix}path__in": self.ancestor_paths})
            if self.ancestor_paths
            else _nothing(prefix)
        )
        for path in self.own_paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q

    def pages_q(self, prefix: str = "") -> Q:
        """Pages the person may see at all: the workspace and public pages."""
        if self.everything:
            return Q()
        return self.workspace_q(prefix) | self.public.q(prefix)

    def searchable_pages_q(self) -> Q:
        """``pages_q`` as an ``id__in`` filter, which Wagtail's search backends can apply.

        A search backend only understands filters on indexed fields; the expiry date of the
        public rule is not one of them.
        """
        if self.everything:
            return Q()
        return Q(id__in=Page.objects.filter(self.pages_q()).values("pk"))

    def in_workspace(self, page: Page) -> bool:
        return (
            self.everything
            or page.path in self.ancestor_paths
            or any(page.path.startswith(path) for path in self.own_paths)
        )

    def sees_page(self, page: Page) -> bool:
        return self.in_workspace(page) or self.public.contains(page)

    def mask(self, page: Page) -> Page:
        """A page outside the workspace shows its live title, never that of a pending draft."""
        if page is not None and not self.in_workspace(page):
            page.draft_title = page.title
        return page

    # Documents

    def documents_q(self) -> Q:
        """Documents the person may see: their groups' collections and uploads, public ones.

        An ``id__in`` filter, so that Wagtail's search backend (which only understands
        filters on indexed fields) can apply it to searches as well.
        """
        if self.everything:
            return Q()
        visible = get_document_model().objects.filter(self._documents_condition())
        return Q(id__in=visible.values("pk"))

    def _documents_condition(self) -> Q:
        if self.user_id is None:
            return _nothing()
        q = Q(uploaded_by_user_id=self.user_id)
        if self.group_ids:
            colleagues = get_user_model().groups.through.objects.filter(
                user_id=OuterRef("uploaded_by_user_id"), group_id__in=self.group_ids
            )
            q |= Exists(colleagues)
        for path in self.collection_paths:
            q |= Q(collection__path__startswith=path)
        return q | documents_public_q(scope=self.public)

    def sees_document(self, document) -> bool:
        if self.everything:
            return True
        documents = get_document_model().objects.filter(pk=document.pk)
        return documents.filter(self.documents_q()).exists()

    # Usage

    def references(self, references: QuerySet[ReferenceIndex]) -> QuerySet[ReferenceIndex]:
        """Only references found on pages of the workspace (and on objects that are not pages)."""
        if self.everything:
            return references
        keys = Page.objects.filter(self.workspace_q()).annotate(key=Cast("pk", CharField()))
        return references.exclude(
            Q(base_content_type=ContentType.objects.get_for_model(Page))
            & ~Q(object_id__in=keys.values("key"))
        )


def user_is_editor(user) -> bool:
    """Editors and superusers see and may do everything in the admin."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=EDITORS_GROUP_NAME).exists())
    )


def admin_scope(user) -> AdminScope:
    """The scope of one person, computed once per request (cached on the user object)."""
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _admin_scope_build(user)
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def _admin_scope_build(user) -> AdminScope:
    if user_is_editor(user):
        return AdminScope(user_id=user.pk, everything=True)
    if not (user.is_authenticated and user.is_active):
        return AdminScope(user_id=None, everything=False, public=public_scope())
    own = _outermost(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    ancestors = {path[:end] for path in own for end in range(Page.steplen, len(path), Page.steplen)}
    accesses = list(
        WorkingGroupAccess.objects.filter(Q(members__user=user) | Q(chairs__user=user))
        .select_related("collection")
        .distinct()
    )
    return AdminScope(
        user_id=user.pk,
        everything=False,
        own_paths=own,
        ancestor_paths=tuple(sorted(ancestors)),
        collection_paths=_outermost(access.collection.path for access in accesses),
        group_ids=tuple(
            sorted({access.members_id for access in accesses} | {a.chairs_id for a in accesses})
        ),
        public=public_scope(),
    )
