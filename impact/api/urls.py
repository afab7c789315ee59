"""Routes of the impact API (mounted under /api/v1/)."""

from django.urls import path

from impact.api.views import ImpactSummaryView

app_name = "impact-api"

urlpatterns = [path("impact/", ImpactSummaryView.as_view(), name="impact-summary")]
