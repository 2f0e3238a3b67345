"""Resetting a forgotten password, from the request to signing in with the new one."""

import re

import pytest
from django.test import override_settings
from django.utils import translation

from equityhub.accounts.models import User
from equityhub.accounts.tests.factories import UserFactory
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "brand new harbour 42"


def _link(message) -> str:
    found = re.search(r"https?://[^/]+(/\S+)", message.body)
    assert found is not None
    return found.group(1)


def test_a_member_resets_their_password(client, mailoutbox):
    UserFactory(email="ffion@example.org", preferred_language="cy")

    response = client.post("/accounts/password/reset/", {"email": "Ffion@Example.org"})
    assert response["Location"] == "/accounts/password/reset/done/"

    [message] = mailoutbox
    assert message.to == ["ffion@example.org"]
    link = _link(message)
    assert link.startswith("/cy/accounts/password/reset/key/")

    form_page = client.get(link, follow=True)
    page = read(form_page)
    assert page.h1_count == 1
    assert page.control("password1")["autocomplete"] == "new-password"
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link

    mismatched = client.post(action, {"password1": NEW_PASSWORD, "password2": "something else"})
    assert read(mismatched).error_summary_links == ["#id_password2"]

    done = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert User.objects.get(email="ffion@example.org").check_password(NEW_PASSWORD)


def test_an_unknown_address_gets_the_same_answer(client, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response["Location"] == "/accounts/password/reset/done/"
    [message] = mailoutbox
    assert message.to == ["nobody@example.org"]


@override_settings(ACCOUNT_RATE_LIMITS={"reset_password": "20/m/ip,1/m/key"})
@pytest.mark.parametrize(("prefix", "language", "home"), [("", "en", "/"), ("/cy", "cy", "/cy/")])
def test_too_many_requests_get_a_page_that_says_to_wait(client, mailoutbox, prefix, language, home):
    path = f"{prefix}/accounts/password/reset/"
    client.post(path, {"email": "ffion@example.org"})

    response = client.post(path, {"email": "ffion@example.org"})
    page = read(response)
    content = response.content.decode()

    assert response.status_code == 429
    assert page.language == language
    assert page.h1_count == 1
    with translation.override(language):
        heading = translation.gettext("Too many attempts")
        advice = translation.gettext("Wait a few minutes, then try again.")
    assert page.title == heading + SITE_TITLE
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in content
    assert advice in content
    assert f'href="{home}">' in content
    assert len(mailoutbox) == 1  # the second request sent nothing
