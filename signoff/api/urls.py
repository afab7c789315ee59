"""Routes of the signoff app's public API (mounted under /api/v1/)."""

from django.urls import path

from signoff.api import views

app_name = "signoff-api"

urlpatterns = [
    path(
        "papers/<str:slug>/lobbyregister/",
        views.LobbyregisterStatementView.as_view(),
        name="paper-lobbyregister",
    ),
]
