"""The production settings, loaded in a fresh process with a production-like environment."""

import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_", "EMAIL_", "EQUITYHUB_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "equityhub.example,testserver",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://equityhub.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'equityhub.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
            "EMAIL_HOST": "smtp.equityhub.example",
            "EMAIL_HOST_USER": "equityhub",
            "EMAIL_HOST_PASSWORD": secrets.token_urlsafe(20),
            "EQUITYHUB_CONTACT_EMAIL": "help@equityhub.example",
        }
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_checks_report_no_issues(production_env):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output


def test_production_refuses_to_start_without_a_secret_key(production_env):
    del production_env["DJANGO_SECRET_KEY"]

    result = _run(["manage.py", "check"], production_env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_uses_manifest_storage_smtp_and_https(production_env):
    script = textwrap.dedent(
        """
        import django
        from django.conf import settings
        from django.core import mail
        from django.test import Client

        django.setup()
        print(settings.STORAGES["staticfiles"]["BACKEND"])
        print(settings.STATIC_ROOT)
        mailer = mail.mailers["default"]
        print(type(mailer).__name__, mailer.host, mailer.port, mailer.use_tls)
        client = Client()
        health = client.get("/health/", HTTP_HOST="equityhub.example")
        print(health.status_code)
        page = client.get("/accessibility/", HTTP_HOST="equityhub.example")
        print(page.status_code, page["Location"])
        secure = client.get("/health/", HTTP_HOST="equityhub.example", secure=True)
        print(secure["Strict-Transport-Security"])
        """
    )

    result = _run(["-c", script], production_env)

    assert result.returncode == 0, result.stderr
    storage, static_root, mailer, health, redirect, hsts = result.stdout.splitlines()[-6:]
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert static_root == production_env["DJANGO_STATIC_ROOT"]
    assert mailer == "EmailBackend smtp.equityhub.example 587 True"
    # Load balancers probe /health/ over plain HTTP; everything else moves to HTTPS.
    assert health == "200"
    assert redirect == "301 https://equityhub.example/accessibility/"
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
