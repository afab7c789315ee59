"""Wagtail's admin views with the admin visibility policy applied where Wagtail has no hook."""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.http import Http404, JsonResponse
from django.shortcuts import get_list_or_404
from django.urls import reverse
from rest_framework.authentication import SessionAuthentication
from taggit.models import Tag, TaggedItem
from wagtail.admin.views import chooser, tags
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.pages.usage import UsageView as PageUsageView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import documents as document_views
from wagtail.documents.views.bulk_actions import (
    AddTagsBulkAction as DocumentAddTagsBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    AddToCollectionBulkAction as DocumentAddToCollectionBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    DeleteBulkAction as DocumentDeleteBulkAction,
)
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from choosers.status import with_plain_status
from workgroups.access.policy import admin_scope
from workgroups.models import PaperTag, WorkingGroupPage

# URL keyword arguments of Wagtail's page views that name a page.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "pk", "destination_id")


def page_scope_required(view):
    """Answer 404 when a page named in the URL lies outside the person's workspace.

    Runs before Wagtail's own view, so neither the page nor a message about it (a
    title in "… is not awaiting moderation") reaches the person.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        ids = {kwargs[name] for name in PAGE_KWARGS if name in kwargs}
        scope = admin_scope(request.user)
        if ids and not scope.everything:
            found = Page.objects.filter(scope.workspace_q(), pk__in=ids).count()
            if found != len(ids):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


class ScopedPageUsageView(PageUsageView):
    """Where a page is used, counting only places the person may see."""

    def get_queryset(self):
        return (
            admin_scope(self.request.user)
            .references(ReferenceIndex.get_references_to(self.object))
            .group_by_source_object()
        )


class ScopedPageViewSet(PageViewSet):
    """Every page view of the admin, limited to the person's workspace."""

    usage_view_class = ScopedPageUsageView
    # The explorer (the pages under a working group) shows one plain German status.
    columns = with_plain_status(PageViewSet.columns)

    def construct_view(self, view_class, **kwargs):
        return page_scope_required(super().construct_view(view_class, **kwargs))


# Page chooser


class ScopedTitleColumn(chooser.PageTitleColumn):
    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def get_cell_context_data(self, instance, parent_context):
        # The title cell is drawn first: masking the row's page here covers every cell.
        self.scope.mask(instance)
        return super().get_cell_context_data(instance, parent_context)


class ScopedParentColumn(chooser.ParentPageColumn):
    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def get_value(self, instance):
        return self.scope.mask(super().get_value(instance))


def _scoped_columns(columns, scope):
    scoped = []
    for column in columns:
        if type(column) is chooser.PageTitleColumn:
            column = ScopedTitleColumn(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                scope=scope,
            )
        elif type(column) is chooser.ParentPageColumn:
            column = ScopedParentColumn(column.name, label=column.label, scope=scope)
        scoped.append(column)
    return scoped


class ScopedBrowseView(chooser.BrowseView):
    """The page chooser's tree: workspace and public pages, other groups' drafts never."""

    @property
    def columns(self):
        return _scoped_columns(super().columns, admin_scope(self.request.user))

    def get_object_list(self):
        scope = admin_scope(self.request.user)
        if not scope.sees_page(self.parent_page):
            if self.kwargs.get("parent_page_id"):
                raise Http404
            # Wagtail starts at the common ancestor of all pages of the wanted type;
            # start at the nearest one the person may see instead.
            nearest = self.parent_page.get_ancestors().filter(scope.pages_q()).last()
            if nearest is None:
                raise Http404
            self.parent_page = nearest.specific
        scope.mask(self.parent_page)
        return super().get_object_list()


class ScopedSearchView(chooser.SearchView):
    """The page chooser's search: workspace and public pages, live titles for the latter."""

    @property
    def columns(self):
        return _scoped_columns(super().columns, admin_scope(self.request.user))


class ScopedChosenMultipleView(chooser.ChosenMultipleView):
    """Several chosen pages at once: only pages the person may see."""

    def get(self, request):
        scope = admin_scope(request.user)
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = Page.objects.filter(scope.pages_q(), pk__in=ids).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": scope.mask(page).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


# Reports


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    """Page types with counts of the pages the person may see; last edits of their own."""

    def get_queryset(self):
        scope = admin_scope(self.request.user)
        if scope.everything:
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        last_edited = (
            Page.objects.filter(scope.workspace_q(), content_type=OuterRef("pk"))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
            .values("pk")[:1]
        )
        return queryset.annotate(
            count=Count("pages", filter=scope.pages_q("pages__"), distinct=True),
            last_edited_page_id=Subquery(last_edited),
        ).order_by("-count", "app_label", "model")


# Bulk actions: objects outside the scope are not found (404), so ids cannot be probed.


class ScopedPageBulkActionMixin:
    def get_queryset(self, model, object_ids):
        scope = admin_scope(self.request.user)
        return get_list_or_404(model.objects.filter(scope.workspace_q(), pk__in=object_ids))


class ScopedDocumentBulkActionMixin:
    def get_queryset(self, model, object_ids):
        scope = admin_scope(self.request.user)
        return get_list_or_404(model.objects.filter(scope.documents_q(), pk__in=object_ids))


class ScopedPageDeleteBulkAction(ScopedPageBulkActionMixin, DeleteBulkAction):
    pass


class ScopedPageMoveBulkAction(ScopedPageBulkActionMixin, MoveBulkAction):
    pass


class ScopedPagePublishBulkAction(ScopedPageBulkActionMixin, PublishBulkAction):
    pass


class ScopedPageUnpublishBulkAction(ScopedPageBulkActionMixin, UnpublishBulkAction):
    pass


class ScopedDocumentDeleteBulkAction(ScopedDocumentBulkActionMixin, DocumentDeleteBulkAction):
    pass


class ScopedDocumentAddTagsBulkAction(ScopedDocumentBulkActionMixin, DocumentAddTagsBulkAction):
    pass


class ScopedDocumentAddToCollectionBulkAction(
    ScopedDocumentBulkActionMixin, DocumentAddToCollectionBulkAction
):
    def check_perm(self, document):
        # Moving files between collections is for editors (it could publish them).
        return admin_scope(self.request.user).everything and super().check_perm(document)


SCOPED_BULK_ACTIONS = (
    ScopedPageDeleteBulkAction,
    ScopedPageMoveBulkAction,
    ScopedPagePublishBulkAction,
    ScopedPageUnpublishBulkAction,
    ScopedDocumentDeleteBulkAction,
    ScopedDocumentAddTagsBulkAction,
    ScopedDocumentAddToCollectionBulkAction,
)


# Documents: usage counts and listings only from places the person may see.


def _document_usage_counts(scope, documents) -> dict:
    document_type = ContentType.objects.get_for_model(get_document_model())
    references = scope.references(
        ReferenceIndex.objects.filter(
            to_content_type=document_type, to_object_id__in=[str(doc.pk) for doc in documents]
        )
    )
    counts = dict(
        references.values_list("to_object_id")
        .annotate(n=Count("object_id", distinct=True))
        .values_list("to_object_id", "n")
    )
    return {doc.pk: counts.get(str(doc.pk), 0) for doc in documents}


class ScopedDocumentIndexView(document_views.IndexView):
    """The document listing with usage counts that leave out other groups' pages."""

    def get_base_queryset(self):
        documents = super().get_base_queryset()
        scope = admin_scope(self.request.user)
        if self.needs_usage_count_subquery and not scope.everything:
            references = scope.references(
                ReferenceIndex.objects.filter(
                    to_content_type=ContentType.objects.get_for_model(self.model),
                    to_object_id=Cast(OuterRef("pk"), output_field=CharField()),
                )
            )
            counts = (
                references.values("to_object_id")
                .annotate(n=Count("object_id", distinct=True))
                .values("n")
            )
            documents = documents.annotate(usage_count=Coalesce(Subquery(counts), 0))
        return documents

    def decorate_paginated_queryset(self, object_list):
        scope = admin_scope(self.request.user)
        if scope.everything or self.needs_usage_count_subquery:
            return super().decorate_paginated_queryset(object_list)
        counts = _document_usage_counts(scope, list(object_list))
        for document in object_list:
            document.usage_count = counts[document.pk]
        return object_list


class ScopedDocumentEditView(document_views.EditView):
    """The document form; its "used n times" counts only places the person may see."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = admin_scope(self.request.user)
        if not scope.everything:
            context["usage_count_val"] = _document_usage_counts(scope, [self.object])[
                self.object.pk
            ]
        return context


class ScopedDocumentUsageView(document_views.UsageView):
    """Where a document is used, counting only places the person may see."""

    def get_queryset(self):
        return (
            admin_scope(self.request.user)
            .references(ReferenceIndex.get_references_to(self.object))
            .group_by_source_object()
        )


# Admin API: the session is the admin's authentication (the public API has none), and
# documents and images follow the permission policies like the admin's own views.


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    authentication_classes = [SessionAuthentication]

    def get_queryset(self):
        allowed = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    authentication_classes = [SessionAuthentication]

    def get_queryset(self):
        allowed = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


# Tag suggestions: only tags on pages and documents the person may see (a tag given to
# another group's draft can say a lot about it).


def tag_autocomplete(request, app_name=None, model_name=None):
    scope = admin_scope(request.user)
    if scope.everything:
        return tags.autocomplete(request, app_name=app_name, model_name=model_name)
    term = request.GET.get("term")
    if app_name and model_name and (app_name, model_name) != ("taggit", "tag"):
        # Tag models of their own belong to editors' snippets; members get no suggestions.
        return JsonResponse([], safe=False)
    if not term:
        return JsonResponse([], safe=False)
    Document = get_document_model()
    on_pages = PaperTag.objects.filter(
        tag=OuterRef("pk"), content_object__in=Page.objects.filter(scope.pages_q())
    )
    on_groups = WorkingGroupPage.topics.through.objects.filter(
        tag=OuterRef("pk"), content_object__in=WorkingGroupPage.objects.filter(scope.pages_q())
    )
    on_documents = TaggedItem.objects.filter(
        tag=OuterRef("pk"),
        content_type=ContentType.objects.get_for_model(Document),
        object_id__in=Document.objects.filter(scope.documents_q()).values("pk"),
    )
    names = (
        Tag.objects.filter(name__istartswith=term)
        .filter(Exists(on_pages) | Exists(on_groups) | Exists(on_documents))
        .order_by("name")
        .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)
