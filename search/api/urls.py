"""Routes of the search API (mounted under /api/v1/)."""

from django.urls import path

from search.api import views

app_name = "search-api"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/suggest/", views.SuggestView.as_view(), name="suggest"),
    path("search/clicks/", views.SearchClickView.as_view(), name="click"),
]
