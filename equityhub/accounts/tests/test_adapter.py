"""The allauth adapter: members land, and get their emails, in their own language."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.context import request_context
from django.utils import translation

from equityhub.accounts.adapter import AccountAdapter
from equityhub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    """What allauth's own send_mail was asked to send, and in which language."""
    calls = []

    def record(adapter, template_prefix, email, context):
        calls.append({"language": translation.get_language(), "email": email, "context": context})

    monkeypatch.setattr(DefaultAccountAdapter, "send_mail", record)
    return calls


def _send(rf, path, context):
    request = rf.get(path)
    with request_context(request), translation.override("cy" if path.startswith("/cy/") else "en"):
        AccountAdapter(request).send_mail("account/email/email_confirmation", "a@b.org", context)


def test_mail_goes_out_in_the_recipients_language_with_links_to_match(rf, sent):
    member = UserFactory(preferred_language="cy")

    _send(
        rf,
        "/accounts/email/",
        {"user": member, "activate_url": "http://testserver/accounts/confirm-email/k3y/"},
    )

    [call] = sent
    assert call["language"] == "cy"
    assert call["context"]["activate_url"] == "http://testserver/cy/accounts/confirm-email/k3y/"
    assert call["context"]["current_site"].name == "EquityHub"
    assert call["context"]["current_site"].domain == "testserver"


def test_welsh_pages_send_english_mail_to_an_english_speaker(rf, sent):
    member = UserFactory(preferred_language="en")

    _send(
        rf,
        "/cy/accounts/email/",
        {"user": member, "password_reset_url": "http://testserver/cy/accounts/password/reset/"},
    )

    [call] = sent
    assert call["language"] == "en"
    assert call["context"]["password_reset_url"] == "http://testserver/accounts/password/reset/"


def test_mail_to_someone_without_an_account_follows_the_page(rf, sent):
    _send(
        rf, "/cy/accounts/password/reset/", {"signup_url": "http://testserver/cy/accounts/signup/"}
    )

    [call] = sent
    assert call["language"] == "cy"
    assert call["context"]["signup_url"] == "http://testserver/cy/accounts/signup/"


def test_login_redirect_is_in_the_members_language(rf):
    request = rf.get("/accounts/login/")
    request.user = UserFactory(preferred_language="cy")
    with translation.override("en"):
        url = AccountAdapter(request).get_login_redirect_url(request)
        assert translation.get_language() == "cy"

    assert url == "/cy/account/"
    assert request.LANGUAGE_CODE == "cy"


def test_login_redirect_for_an_english_speaker_on_welsh_pages_is_in_english(rf):
    request = rf.get("/cy/accounts/login/")
    request.user = UserFactory(preferred_language="en")

    with translation.override("cy"):
        assert AccountAdapter(request).get_login_redirect_url(request) == "/account/"
        assert translation.get_language() == "en"
