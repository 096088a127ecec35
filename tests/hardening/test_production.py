"""Production mode: the settings a real deployment gets, checked in a fresh interpreter."""

import json
import os
import subprocess
import sys

import pytest

PROBE = r"""
import json, django
django.setup()
from django.test import Client
from django.conf import settings
client = Client()
secure = client.get("/healthz", secure=True)
plain = client.get("/aeo/register/")
print(json.dumps({
    "debug": settings.DEBUG,
    "headers": dict(secure.headers),
    "status": secure.status_code,
    "plain": [plain.status_code, plain.headers.get("Location", "")],
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "storage": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def production_env(tmp_path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "DEBUG", "AEO_DEMO"}}
    env.update(
        DJANGO_SETTINGS_MODULE="aeo.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        AEO_VAR_DIR=str(tmp_path),
        ALLOWED_HOSTS="testserver",
    )
    env.update(extra)
    return env


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed code
        [sys.executable, "-c", "import django; django.setup()"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_headers(tmp_path):
    result = subprocess.run(  # noqa: S603 - our interpreter and our probe
        [sys.executable, "-c", PROBE],
        env=production_env(tmp_path, SECRET_KEY="a-real-secret-" + "x" * 40),
        capture_output=True,
        text=True,
        check=True,
    )
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = {k.lower(): v for k, v in probe["headers"].items()}
    assert probe["debug"] is False
    assert probe["status"] == 200
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-request-id"]
    assert probe["plain"] == [301, "https://testserver/aeo/register/"]
    assert probe["cookies_secure"] == [True, True]
    assert probe["storage"].endswith("ManifestStaticFilesStorage")


@pytest.mark.django_db
def test_the_demo_shows_real_error_pages_not_the_debug_page(client):
    response = client.get("/registry/operators/999999/")
    assert response.status_code in (302, 404)
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert "Page not found" in page.text
    assert "URLconf" not in page.text  # Django's debug page lists the URL patterns


@pytest.mark.django_db
def test_every_page_and_api_answer_has_a_request_id_and_the_csp(client):
    for url in ["/login/", "/aeo/register/", "/api/v1/register", "/api/v1/operators"]:
        response = client.get(url)
        assert len(response["X-Request-ID"]) >= 16
        assert "default-src 'self'" in response["Content-Security-Policy"]
    given = client.get("/api/v1/operators", HTTP_X_REQUEST_ID="proxy-req-12345")
    assert given.status_code == 401
    assert given["X-Request-ID"] == "proxy-req-12345"


@pytest.mark.django_db
def test_readiness_includes_migrations(client):
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["pending_migrations"] == 0
