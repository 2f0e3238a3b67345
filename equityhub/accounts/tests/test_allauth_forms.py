"""Empty fields on allauth's forms are named in the error summary, not "This field is required."."""

import pytest

from equityhub.accounts.tests.factories import PASSWORD
from equityhub.accounts.tests.pages import read

pytestmark = pytest.mark.django_db


def _summary(response) -> str:
    content = response.content.decode()
    return content.split('class="govuk-error-summary"')[1].split("</ul>")[0]


@pytest.mark.parametrize(
    ("url", "messages"),
    [
        ("/accounts/login/", ["Enter your email address.", "Enter your password."]),
        (
            "/accounts/signup/",
            ["Enter your email address.", "Enter a password.", "Enter the password again."],
        ),
        ("/accounts/password/reset/", ["Enter your email address."]),
    ],
)
def test_visitor_forms_name_what_is_missing(client, url, messages):
    summary = _summary(client.post(url, {}))

    for message in messages:
        assert message in summary
    assert "This field is required." not in summary


def test_changing_the_password_names_what_is_missing(member_client):
    summary = _summary(member_client.post("/accounts/password/change/", {}))

    assert "Enter your current password." in summary
    assert "Enter a new password." in summary
    assert "Enter the new password again." in summary


def test_changing_the_email_address_names_what_is_missing(member_client):
    response = member_client.post("/accounts/email/", {"action_add": ""})

    assert read(response).error_summary_links == ["#id_email"]
    assert "Enter the new email address." in _summary(response)


def test_reauthenticating_names_what_is_missing(member_client):
    summary = _summary(member_client.post("/accounts/reauthenticate/", {}))

    assert "Enter your password." in summary


def test_activating_an_authenticator_names_what_is_missing(member_client):
    member_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    member_client.get("/accounts/2fa/totp/activate/")

    summary = _summary(member_client.post("/accounts/2fa/totp/activate/", {"code": ""}))

    assert "Enter the code your authenticator app shows." in summary
