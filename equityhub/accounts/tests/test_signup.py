"""Signing up and confirming the address (allauth), in English and in Welsh."""

import re

import pytest
from allauth.account.models import EmailAddress

from equityhub.accounts.models import User
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "tidal lagoon 1912"


def _signup(client, prefix="", **changes):
    data = {
        "email": "Nia.Evans@Example.org",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        "display_name": "Nia",
        "profession": "student",
        "region": "wales",
    }
    return client.post(f"{prefix}/accounts/signup/", {**data, **changes})


def _link(message) -> str:
    found = re.search(r"https?://[^/]+(/\S+)", message.body)
    assert found is not None
    return found.group(1)


def test_the_form_labels_every_field_and_asks_browsers_for_the_right_values(client):
    page = read(client.get("/accounts/signup/"))

    assert page.h1_count == 1
    assert page.unlabelled_controls() == []
    assert page.control("email")["autocomplete"] == "email"
    assert page.control("password1")["autocomplete"] == "new-password"
    assert page.control("password2")["autocomplete"] == "new-password"
    assert page.control("display_name")["autocomplete"] == "name"
    names = [control.get("name") for control in page.controls if control.get("type") != "hidden"]
    assert names == ["email", "password1", "password2", "display_name", "profession", "region"]


def test_the_page_uses_the_headers_words_and_links_to_signing_in(client):
    response = client.get("/accounts/signup/?next=/faqs/")
    content = response.content.decode()
    page = read(response)

    assert page.title == "Create an account" + SITE_TITLE
    assert '<h1 class="govuk-heading-l">\n    Create an account\n  </h1>' in content
    assert re.search(r"<button[^>]*type=\"submit\"[^>]*>\s*Create account\s*</button>", content)
    assert "Sign Up" not in content
    assert "Signup" not in content
    assert '<a class="govuk-link" href="/accounts/login/?next=%2Ffaqs%2F">sign in</a>' in content
    assert page.control("next")["value"] == "/faqs/"


def test_signing_up_sends_a_confirmation_link(client, mailoutbox):
    response = _signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get()
    assert user.email == "nia.evans@example.org"
    assert (user.display_name, user.profession, user.region) == ("Nia", "student", "wales")
    assert user.preferred_language == "en"
    [message] = mailoutbox
    assert message.to == ["nia.evans@example.org"]
    assert message.subject.startswith("EquityHub: ")
    assert _link(message).startswith("/accounts/confirm-email/")
    assert "Hello from EquityHub!" in message.body


def test_signing_up_on_welsh_pages_prefers_welsh(client, mailoutbox):
    response = _signup(client, prefix="/cy")

    assert response["Location"] == "/cy/accounts/confirm-email/"
    assert User.objects.get().preferred_language == "cy"
    [message] = mailoutbox
    assert message.to == ["nia.evans@example.org"]
    assert _link(message).startswith("/cy/accounts/confirm-email/")


def test_following_the_link_confirms_the_address(client, mailoutbox):
    _signup(client, prefix="/cy")
    link = _link(mailoutbox[0])

    page = read(client.get(link))
    response = client.post(link)

    assert page.h1_count == 1
    assert page.language == "cy"
    assert response.status_code == 302
    assert EmailAddress.objects.get().verified


def test_the_next_steps_say_confirm_and_offer_a_confirm_button(client, mailoutbox):
    sent = client.get(_signup(client)["Location"]).content.decode()
    confirm = client.get(_link(mailoutbox[0])).content.decode()

    assert '<h1 class="govuk-heading-l">\n    Confirm your email address\n  </h1>' in sent
    assert '<h1 class="govuk-heading-l">\n    Confirm your email address\n  </h1>' in confirm
    assert re.search(r"<button[^>]*type=\"submit\"[^>]*>\s*Confirm\s*</button>", confirm)


def test_errors_are_summarised_and_what_was_typed_is_kept(client, mailoutbox):
    response = _signup(client, email="not an address", password1="short", password2="short")
    page = read(response)
    content = response.content.decode()

    assert response.status_code == 200
    assert page.title.startswith("Error: ")
    assert page.error_summary_links == ["#id_email", "#id_password1"]
    assert "This password is too short. It must contain at least 8 characters." in content
    assert content.count('<span class="govuk-visually-hidden">Error:</span>') == 2
    assert page.control("email")["value"] == "not an address"
    assert page.control("display_name")["value"] == "Nia"
    assert '<option value="wales" selected>' in content
    assert "value" not in page.control("password1")  # passwords are never sent back
    assert not User.objects.exists()
    assert mailoutbox == []


def test_a_common_password_is_refused(client):
    response = _signup(client, password1="password123", password2="password123")

    assert "This password is too common." in response.content.decode()
    assert not User.objects.exists()


def test_an_address_already_in_use_is_not_revealed(client, member, mailoutbox):
    response = _signup(client, email=member.email.upper())

    # The visitor sees the usual next step; the owner of the address gets an email about it.
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.count() == 1
    assert [message.to for message in mailoutbox] == [[member.email]]
