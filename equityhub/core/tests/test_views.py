import json
import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.utils import translation

from equityhub.core import views

pytestmark = pytest.mark.django_db


def _headings(html: str) -> list[str]:
    return re.findall(r"<h1\b", html)


class TestHealth:
    def test_answers_ok_when_the_database_answers(self, client):
        response = client.get("/health/")

        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok"}
        assert "no-cache" in response["Cache-Control"]

    def test_answers_503_when_the_database_does_not(self, client):
        broken = mock.MagicMock()
        broken.cursor.side_effect = OperationalError("could not connect to server")

        with mock.patch.object(views, "connection", broken):
            response = client.get("/health/")

        assert response.status_code == 503
        assert json.loads(response.content) == {"status": "error", "database": "unavailable"}

    def test_is_not_under_a_language_prefix(self, client):
        assert client.get("/cy/health/").status_code == 404

    def test_refuses_writes(self, client):
        assert client.post("/health/").status_code == 405


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/accessibility/", "en", "Accessibility statement"),
        ("/cy/accessibility/", "cy", None),
        ("/privacy/", "en", "Privacy notice"),
        ("/cy/privacy/", "cy", None),
    ],
)
def test_site_pages_render_in_both_languages(
    client, django_assert_max_num_queries, path, language, heading
):
    with django_assert_max_num_queries(2):
        response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert len(_headings(html)) == 1
    assert 'class="govuk-breadcrumbs' in html
    if heading:
        assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in html


@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/"])
def test_site_pages_give_the_configured_contact_address(client, settings, path):
    settings.EQUITYHUB_CONTACT_EMAIL = "access@college.example"

    html = client.get(path).content.decode()

    assert 'href="mailto:access@college.example"' in html


def test_accessibility_statement_says_what_was_tested(client):
    html = client.get("/accessibility/").content.decode()

    for fact in ("WCAG", "2.2", "axe-core", "1,280 pixels", "320 pixels", "keyboard"):
        assert fact in html


def test_privacy_notice_lists_only_the_cookies_the_site_sets(client, settings):
    html = client.get("/privacy/").content.decode()

    assert f">{settings.SESSION_COOKIE_NAME}<" in html
    assert f">{settings.CSRF_COOKIE_NAME}<" in html
    assert "/account/" in html  # where members export and erase their data


class TestNotFound:
    @pytest.mark.parametrize(
        ("path", "language"), [("/no-such-page/", "en"), ("/cy/dim-tudalen/", "cy")]
    )
    def test_unknown_address_shows_the_not_found_page(self, client, path, language):
        response = client.get(path)

        html = response.content.decode()
        assert response.status_code == 404
        assert f'<html lang="{language}"' in html
        assert len(_headings(html)) == 1
        assert "<title>" in html
        prefix = "/cy" if language == "cy" else ""
        assert f'href="{prefix}/search/"' in html
        assert f'href="{prefix}/"' in html

    def test_english_heading(self, client):
        html = client.get("/no-such-page/").content.decode()

        assert '<h1 class="govuk-heading-l">Page not found</h1>' in html


@pytest.mark.urls("equityhub.core.tests.urls_errors")
class TestErrorPages:
    def test_refused_page_shows_the_forbidden_page(self, client):
        response = client.get("/test-errors/refuse/")

        html = response.content.decode()
        assert response.status_code == 403
        assert len(_headings(html)) == 1
        assert "You cannot use this page" in html

    @pytest.mark.parametrize(
        ("path", "language"), [("/test-errors/fail/", "en"), ("/cy/test-errors/fail/", "cy")]
    )
    def test_failing_page_shows_the_standalone_error_page(self, path, language):
        client = Client(raise_request_exception=False)

        response = client.get(path)

        html = response.content.decode()
        assert response.status_code == 500
        assert f'<html lang="{language}"' in html
        assert '<link rel="stylesheet" href="/static/build/equityhub.css">' in html
        assert len(_headings(html)) == 1
        assert "govuk-service-navigation" not in html  # not built on base.html
        assert "A server error occurred" not in html  # Django's bare fallback


def test_server_error_page_needs_no_database_or_context_processors(django_assert_num_queries):
    request = RequestFactory().get("/anything/")

    with translation.override("en"), django_assert_num_queries(0):
        response = views.server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert 'href="mailto:' in html


def test_favicon_ico_points_browsers_at_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/static/images/favicon.svg")
