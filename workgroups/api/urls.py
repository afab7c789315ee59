"""Routes of this domain's API (mounted under /api/v1/)."""

from django.urls import path

from workgroups.api import views

app_name = "workgroups-api"

urlpatterns = [
    path("papers/", views.PaperListView.as_view(), name="paper-list"),
    path("papers/<str:slug>/", views.PaperDetailView.as_view(), name="paper-detail"),
    path("working-groups/", views.WorkingGroupListView.as_view(), name="working-group-list"),
    path(
        "working-groups/<str:slug>/",
        views.WorkingGroupDetailView.as_view(),
        name="working-group-detail",
    ),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<str:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("addressees/", views.AddresseeListView.as_view(), name="addressee-list"),
    path(
        "regulatory-projects/",
        views.RegulatoryProjectListView.as_view(),
        name="regulatory-project-list",
    ),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("pages/by-path/", views.PageByPathView.as_view(), name="page-by-path"),
    path("preview/", views.PreviewView.as_view(), name="preview"),
]
