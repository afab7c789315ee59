"""Routes of the share links' API (mounted under /api/v1/)."""

from django.urls import path

from sharing.api import views

app_name = "sharing-api"

urlpatterns = [
    path("shared-drafts/<str:token>/", views.SharedDraftView.as_view(), name="shared-draft"),
]
