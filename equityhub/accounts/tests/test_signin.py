"""Signing in (allauth's login page): accessible fields, clear errors, rate limit, language."""

import re

import pytest
from allauth.account.models import EmailAddress

from equityhub.accounts.tests.factories import PASSWORD, UserFactory
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_the_form_has_labels_autocomplete_and_allows_pasting(client):
    response = client.get(LOGIN)
    page = read(response)
    content = response.content.decode()

    assert page.title == "Sign in" + SITE_TITLE
    assert page.h1_count == 1
    assert page.unlabelled_controls() == []
    login, password = page.control("login"), page.control("password")
    assert (login["type"], login["autocomplete"]) == ("email", "email")
    assert (password["type"], password["autocomplete"]) == ("password", "current-password")
    assert "govuk-password-input" in content
    for control in (login, password):
        assert "placeholder" not in control
        assert "autofocus" not in control
        assert not any(name.startswith("on") for name in control)  # nothing blocks pasting
    assert "novalidate" in content


def test_the_page_uses_the_headers_words_and_links_on(client):
    response = client.get(f"{LOGIN}?next=/faqs/")
    content = response.content.decode()
    page = read(response)

    assert '<h1 class="govuk-heading-l">\n    Sign in\n  </h1>' in content
    assert re.search(r"<button[^>]*type=\"submit\"[^>]*>\s*Sign in\s*</button>", content)
    assert "Sign In" not in content
    assert '<a class="govuk-link" href="/accounts/signup/?next=%2Ffaqs%2F">' in content
    assert '<a class="govuk-link" href="/accounts/password/reset/">Forgot your password?</a>' in (
        content
    )
    assert "aria-describedby" not in page.control("password")  # the link is not a hint
    assert page.control("next")["value"] == "/faqs/"
    assert 'for="id_remember">Remember me</label>' in content


def test_a_wrong_password_is_reported_in_the_error_summary(client, member):
    response = client.post(LOGIN, {"login": member.email, "password": "not the password"})
    page = read(response)

    assert response.status_code == 200
    assert page.title == "Error: Sign in" + SITE_TITLE
    assert page.error_summary_links == ["#id_login"]
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert page.control("login")["value"] == member.email


def test_repeated_failures_are_stopped_with_a_clear_message(client, member):
    for _attempt in range(5):
        client.post(LOGIN, {"login": member.email, "password": "guess"})

    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})
    page = read(response)

    assert response.status_code == 200
    assert page.error_summary_links == ["#id_login"]
    assert "You have tried to sign in too many times." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_member_lands_on_their_account_page(client, member):
    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_a_welsh_speaking_member_lands_in_welsh(client):
    UserFactory(email="dafydd@example.org", preferred_language="cy")

    response = client.post(LOGIN, {"login": "Dafydd@Example.org", "password": PASSWORD})

    assert response["Location"] == "/cy/account/"


def test_an_english_speaking_member_signing_in_on_welsh_pages_lands_in_english(client, member):
    response = client.post(f"/cy{LOGIN}", {"login": member.email, "password": PASSWORD})

    assert response["Location"] == "/account/"


def test_a_page_asked_for_before_signing_in_comes_first(client):
    member = UserFactory(preferred_language="cy")

    response = client.post(
        f"{LOGIN}?next=/faqs/", {"login": member.email, "password": PASSWORD, "next": "/faqs/"}
    )

    assert response["Location"] == "/faqs/"


def test_an_unverified_address_is_asked_to_verify_first(client, mailoutbox):
    member = UserFactory(verified=False)
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)

    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_signing_out_asks_first_and_then_signs_out(member_client):
    page = read(member_client.get("/accounts/logout/"))
    assert page.h1_count == 1
    assert page.breadcrumb_links == ["/", "/account/"]

    response = member_client.post("/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session


@pytest.mark.parametrize(("prefix", "home"), [("", "/"), ("/cy", "/cy/")])
def test_signing_out_stays_in_the_pages_language(member_client, prefix, home):
    response = member_client.post(f"{prefix}/accounts/logout/")

    assert response["Location"] == home
