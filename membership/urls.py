"""Public URLs of the membership app: calendar feeds and invitation links."""

from django.urls import path

from membership import views

urlpatterns = [
    path("feeds/events.ics", views.public_events_ics, name="feed-events-ics"),
    path(
        "feeds/kalender/<str:token>.ics",
        views.member_calendar_ics,
        name="feed-member-calendar",
    ),
    path("einladung/<str:token>/", views.invitation_accept, name="membership-invitation-accept"),
]
