"""Admin routes of the share links (mounted by wagtail_hooks under /admin/sharing/)."""

from django.urls import path

from sharing import views

app_name = "sharing_admin"

urlpatterns = [
    path("paper/<int:page_id>/", views.PaperShareLinksView.as_view(), name="paper"),
    path("link/<int:link_id>/revoke/", views.share_link_revoke_view, name="revoke"),
]
