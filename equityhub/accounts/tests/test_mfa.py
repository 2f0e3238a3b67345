"""Two-factor authentication with an authenticator app (allauth.mfa) in our pages."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from equityhub.accounts.tests.factories import PASSWORD, UserFactory
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def _activate(client) -> str:
    """Turn on the authenticator app for the signed-in member; return its secret."""
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    content = client.get("/accounts/2fa/totp/activate/").content.decode()
    found = re.search(r'id="authenticator_secret">(\w+)<', content)
    assert found is not None
    secret = found.group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": _code(secret)})
    assert response.status_code == 302
    return secret


def test_the_activation_page_offers_the_qr_code_and_the_secret_as_text(member_client):
    member_client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    response = member_client.get("/accounts/2fa/totp/activate/")
    content = response.content.decode()
    page = read(response)

    assert 'alt="QR code to scan with your authenticator app"' in content
    assert 'href="otpauth://totp/' in content
    code = page.control("code")
    assert (code["autocomplete"], code["inputmode"]) == ("one-time-code", "numeric")


def test_a_wrong_code_does_not_activate_it(member_client, member):
    member_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    member_client.get("/accounts/2fa/totp/activate/")

    response = member_client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    page = read(response)

    assert page.error_summary_links == ["#id_code"]
    assert "Incorrect code." in response.content.decode()
    assert not Authenticator.objects.filter(user=member).exists()


def test_activating_shows_the_recovery_codes(member_client, member):
    _activate(member_client)

    response = member_client.get("/accounts/2fa/recovery-codes/")
    page = read(response)

    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()
    assert page.h1_count == 1
    assert page.unlabelled_controls() == []
    assert "There are 10 out of 10 recovery codes available." in response.content.decode()
    # The account page says so.
    assert ">On</strong>" in member_client.get("/account/").content.decode()


def test_signing_in_then_asks_for_a_code(client):
    member = UserFactory(preferred_language="cy")
    client.force_login(member)
    secret = _activate(client)
    client.post("/accounts/logout/")

    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    step = client.get("/accounts/2fa/authenticate/")
    page = read(step)
    assert page.h1_count == 1
    assert page.title == "Sign in" + SITE_TITLE
    assert "Two-factor authentication\n  </h1>" in step.content.decode()
    assert re.search(r">\s*Sign in\s*</button>", step.content.decode())
    assert page.control("code")["autocomplete"] == "one-time-code"

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert read(wrong).error_summary_links == ["#id_code"]

    right = client.post("/accounts/2fa/authenticate/", {"code": _code(secret)})
    assert right["Location"] == "/cy/account/"
