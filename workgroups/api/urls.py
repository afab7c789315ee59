"""Routes of this domain's API (mounted under /api/v1/)."""

urlpatterns: list = []
