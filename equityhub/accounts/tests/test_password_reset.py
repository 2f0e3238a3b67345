"""Resetting a forgotten password, from the request to signing in with the new one."""

import re

import pytest

from equityhub.accounts.models import User
from equityhub.accounts.tests.factories import UserFactory
from equityhub.accounts.tests.pages import read

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
