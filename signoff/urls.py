"""Admin routes of the sign-off and dispatch records (mounted by wagtail_hooks.py)."""

from django.urls import path

from signoff import views

app_name = "signoff"

urlpatterns = [
    path("", views.OpenRoundsView.as_view(), name="open"),
    path("runde/<int:task_state_id>/", views.AnswerView.as_view(), name="answer"),
    path("papier/<int:page_id>/", views.PaperRoundsView.as_view(), name="paper"),
    path("papier/<int:page_id>/versand/", views.DispatchesView.as_view(), name="dispatches"),
]
