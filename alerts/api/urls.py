"""Routes of the subscription API (mounted under /api/v1/)."""

from django.urls import path

from alerts.api import views

app_name = "alerts-api"

urlpatterns = [
    path("subscriptions/", views.SubscriptionCreateView.as_view(), name="subscribe"),
    path("subscriptions/confirm/", views.SubscriptionConfirmView.as_view(), name="confirm"),
    path(
        "subscriptions/unsubscribe/<str:token>/",
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
    path("subscriptions/manage/<str:token>/", views.ManageView.as_view(), name="manage"),
    path(
        "subscriptions/manage/<str:token>/<int:pk>/",
        views.ManageOneView.as_view(),
        name="manage-one",
    ),
]
