"""Admin URLs answered by the scoped views, mounted ahead of Wagtail's admin (same paths)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from workgroups.access import views

urlpatterns = [
    path("choose-page/", views.ScopedBrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", views.ScopedBrowseView.as_view()),
    path("choose-page/search/", views.ScopedSearchView.as_view()),
    path("choose-page/chosen-multiple/", views.ScopedChosenMultipleView.as_view()),
    path("tag-autocomplete/", views.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", views.tag_autocomplete),
    path("reports/page-types-usage/", views.ScopedPageTypesUsageReportView.as_view()),
    path(
        "reports/page-types-usage/results/",
        views.ScopedPageTypesUsageReportView.as_view(results_only=True),
    ),
    path("documents/", views.ScopedDocumentIndexView.as_view()),
    path("documents/results/", views.ScopedDocumentIndexView.as_view(results_only=True)),
    path("documents/edit/<int:document_id>/", views.ScopedDocumentEditView.as_view()),
    path("documents/usage/<int:document_id>/", views.ScopedDocumentUsageView.as_view()),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
