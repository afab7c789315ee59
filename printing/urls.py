"""URLs of generated PDFs (mounted under /documents/, which the proxy sends to Django)."""

from django.urls import path

from printing.views import print_serve

urlpatterns = [
    path("<int:pk>/<str:filename>", print_serve, name="printing-serve"),
]
