"""With DEBUG (the demo) Django serves images from MEDIA_ROOT, never documents."""

import types

import pytest
from django.test import override_settings
from django.urls import Resolver404, resolve

from cms.urls import debug_media_urlpatterns


def _debug_urlconf():
    urlconf = types.ModuleType("debug_media_urls")
    with override_settings(DEBUG=True):
        urlconf.urlpatterns = debug_media_urlpatterns()
    return urlconf


def test_without_debug_nothing_is_served_from_media():
    assert debug_media_urlpatterns() == []


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/protokoll-intern.pdf",
        "/media/documents/sub/dir/x.pdf",
        "/media/secret_key",
        "/media/",
    ],
)
def test_documents_are_never_served_from_media(path):
    with pytest.raises(Resolver404):
        resolve(path, urlconf=_debug_urlconf())


def test_images_and_renditions_are_served_in_debug(settings, tmp_path, client, db):
    settings.MEDIA_ROOT = tmp_path
    for folder in ("images", "original_images", "documents"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "datei.png").write_bytes(b"\x89PNG\r\n")
    urlconf = _debug_urlconf()
    with override_settings(ROOT_URLCONF=urlconf):
        assert client.get("/media/images/datei.png").status_code == 200
        assert client.get("/media/original_images/datei.png").status_code == 200
        assert client.get("/media/documents/datei.png").status_code == 404
        # No way out of the image folders.
        assert client.get("/media/images/../documents/datei.png").status_code in (400, 404)
        assert client.get("/media/images/%2e%2e/documents/datei.png").status_code in (400, 404)
