"""Every allauth page we use sits in our layout: one h1, a title, the page's language."""

import pytest
from django.utils import translation

from equityhub.accounts.tests.factories import PASSWORD
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db

# Titles in English, in sentence case like the rest of the site; Welsh pages show their Welsh.
VISITOR_PAGES = {
    "/accounts/login/": "Sign in",
    "/accounts/signup/": "Create an account",
    "/accounts/password/reset/": "Reset your password",
    "/accounts/password/reset/done/": "Check your email",
    "/accounts/password/reset/key/1-not-a-key/": "This link no longer works",
    "/accounts/password/reset/key/done/": "Password changed",
    "/accounts/confirm-email/": "Confirm your email address",
    "/accounts/confirm-email/not-a-key/": "Confirm your email address",
}
MEMBER_PAGES = {
    "/accounts/logout/": "Sign out",
    "/accounts/password/change/": "Change your password",
    "/accounts/email/": "Change your email address",
    "/accounts/reauthenticate/": "Confirm it\N{RIGHT SINGLE QUOTATION MARK}s you",
    "/accounts/2fa/": "Two-factor authentication",
}
# Pages that ask for the password again first.
REAUTHENTICATED_PAGES = {
    "/accounts/2fa/totp/activate/": "Activate authenticator app",
    "/accounts/2fa/recovery-codes/generate/": "Recovery codes",
}


def _check(response, title: str, language: str) -> None:
    page = read(response)
    with translation.override(language):
        expected = translation.gettext(title)
    assert response.status_code == 200
    assert page.h1_count == 1
    assert page.title == expected + SITE_TITLE
    assert page.language == language
    assert page.unlabelled_controls() == []


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize(("path", "title"), VISITOR_PAGES.items())
def test_visitor_pages(client, prefix, path, title):
    _check(client.get(prefix + path), title, prefix.strip("/") or "en")


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize(("path", "title"), MEMBER_PAGES.items())
def test_member_pages(member_client, prefix, path, title):
    response = member_client.get(prefix + path)

    _check(response, title, prefix.strip("/") or "en")


@pytest.mark.parametrize(("path", "title"), REAUTHENTICATED_PAGES.items())
def test_pages_behind_reauthentication(member_client, path, title):
    first = member_client.get(path)
    assert first.status_code == 302
    assert first["Location"].startswith("/accounts/reauthenticate/")

    member_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = member_client.get(path)

    _check(response, title, "en")
    assert read(response).breadcrumb_links == ["/", "/account/", "/accounts/2fa/"]


@pytest.mark.parametrize(
    "path", ["/accounts/password/change/", "/accounts/email/", "/accounts/2fa/"]
)
def test_account_pages_lead_back_to_the_account_page(member_client, path):
    assert read(member_client.get(path)).breadcrumb_links == ["/", "/account/"]


def test_entrance_pages_have_no_breadcrumbs(client):
    assert read(client.get("/accounts/login/")).breadcrumb_links == []


def test_changing_the_password_reports_errors_by_field(member_client):
    response = member_client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": "short", "password2": "short"},
    )
    page = read(response)

    assert page.error_summary_links == ["#id_oldpassword", "#id_password1"]
    assert page.control("oldpassword")["autocomplete"] == "current-password"
    assert page.control("password1")["autocomplete"] == "new-password"


def test_password_fields_are_labelled_in_sentence_case(member_client):
    content = member_client.get("/accounts/password/change/").content.decode()

    for label in ("Current password", "New password", "New password (again)"):
        assert f">{label}</label>" in content
