"""Security defaults: headers, login throttling, deploy checks, request ids in logs."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.observability import JsonFormatter, RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]


def test_security_headers_on_admin_login(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "frame-ancestors 'self'" in csp
        and "object-src 'none'" in csp
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_is_rate_limited(client, editor):
    from axes.models import AccessAttempt

    url = reverse("wagtailadmin_login")
    for _ in range(3):
        client.post(url, {"username": editor.username, "password": "falsch"})
    locked = client.post(url, {"username": editor.username, "password": "geheim-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=editor.username).exists()


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_correct_login_still_works_below_the_limit(client, editor):
    url = reverse("wagtailadmin_login")
    client.post(url, {"username": editor.username, "password": "falsch"})
    response = client.post(url, {"username": editor.username, "password": "geheim-123"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_request_id_is_echoed_and_generated(client, db):
    given = client.get(reverse("wagtailadmin_login"), HTTP_X_REQUEST_ID="abc12345-trace")
    assert given["X-Request-ID"] == "abc12345-trace"
    generated = client.get(reverse("wagtailadmin_login"), HTTP_X_REQUEST_ID="bad id with spaces")
    assert (
        len(generated["X-Request-ID"]) == 32 and generated["X-Request-ID"] != "bad id with spaces"
    )


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("sprachrohr.access", logging.INFO, __file__, 1, "request", (), None)
    record.status = 200
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "request" and line["status"] == 200 and line["request_id"] == "-"
    assert line["level"] == "INFO" and line["logger"] == "sprachrohr.access"


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "x" * 30 + "-a-long-random-production-secret-key",
        "DJANGO_ALLOWED_HOSTS": "verband.example",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("path", ["/admin/login/"])
def test_production_redirects_to_https(client, db, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(path)
    assert response.status_code == 301 and response["Location"].startswith("https://")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_a_lockout_holds_only_the_attackers_address(client, editor):
    from axes.models import AccessAttempt

    url = reverse("wagtailadmin_login")
    # Every request comes from Caddy's address; X-Forwarded-For names the client.
    attacker = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    colleague = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    for _ in range(3):
        client.post(url, {"username": editor.username, "password": "falsch"}, **attacker)
    locked = client.post(url, {"username": editor.username, "password": "geheim-123"}, **attacker)
    assert locked.status_code == 429
    assert AccessAttempt.objects.get(username=editor.username).ip_address == "203.0.113.66"
    response = client.post(
        url, {"username": editor.username, "password": "geheim-123"}, **colleague
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    url = reverse("wagtailadmin_login")
    for i in range(3):
        client.post(
            url,
            {"username": editor.username, "password": "falsch"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 203.0.113.66",
        )
    locked = client.post(
        url,
        {"username": editor.username, "password": "geheim-123"},
        HTTP_X_FORWARDED_FOR="10.0.0.99, 203.0.113.66",
    )
    assert locked.status_code == 429


def _directives(header: str) -> dict[str, set[str]]:
    return {
        name: set(values)
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "path", ["/api/v1/papers/", "/api/v1/gibt-es-nicht/", "/feeds/papers.atom"]
)
def test_data_answers_allow_nothing_to_load_or_frame_them(client, site_tree, path):
    response = client.get(path)
    assert _directives(response["Content-Security-Policy"]) == {
        "default-src": {"'none'"},
        "frame-ancestors": {"'none'"},
    }


def test_served_documents_and_their_errors_allow_nothing(client, site_tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from workgroups.access.public import released_collection_ensure

    # Public because the editors released it (a file no public page uses is not).
    document = get_document_model()(title="Satzung", collection=released_collection_ensure())
    document.file.save("satzung.txt", ContentFile(b"<script>alert(1)</script>"), save=False)
    document.save()
    served = client.get(document.url)
    assert served.status_code == 200
    assert _directives(served["Content-Security-Policy"])["default-src"] == {"'none'"}
    missing = client.get("/documents/999999/fehlt.pdf")
    assert missing.status_code == 404
    assert _directives(missing["Content-Security-Policy"])["default-src"] == {"'none'"}


def test_the_admin_policy_names_only_what_wagtail_needs(client, db):
    directives = _directives(client.get(reverse("wagtailadmin_login"))["Content-Security-Policy"])
    assert directives["default-src"] == {"'self'"}
    assert directives["object-src"] == {"'none'"}
    assert directives["frame-ancestors"] == {"'self'"}
    # No script from anywhere but here (the inline exception is documented in base.py).
    assert directives["script-src"] <= {"'self'", "'unsafe-inline'"}
    assert "'unsafe-eval'" not in str(directives)


def test_the_api_docs_may_load_exactly_what_their_page_names(client, db):
    import re

    response = client.get("/api/v1/docs/")
    directives = _directives(response["Content-Security-Policy"])
    scripts = re.findall(r'<script src="(https://[^/"]+)/', response.content.decode())
    assert scripts and {f"{origin}" for origin in scripts} <= directives["script-src"]
    assert directives["default-src"] == {"'none'"} and directives["frame-ancestors"] == {"'none'"}
