"""The password rules (AUTH_PASSWORD_VALIDATORS): long enough, not common, no composition rules."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from equityhub.accounts.models import User


def _errors(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


def test_seven_characters_are_refused():
    assert _errors("wyvern7") == [
        "This password is too short. It must contain at least 8 characters."
    ]


def test_eight_characters_are_enough():
    assert _errors("wyvern78") == []


def test_a_common_password_is_refused():
    assert "This password is too common." in _errors("password123")


@pytest.mark.parametrize(
    "password",
    [
        "lowercaselettersonly",  # no capitals, digits or symbols asked for
        "UPPERCASEONLYHERE",
        "correct horse battery staple",
        "9174205836421",  # digits only: not refused for that alone
    ],
)
def test_there_are_no_composition_rules(password):
    assert _errors(password) == []


def test_a_password_like_the_members_email_is_refused():
    user = User(email="gwenllian.morgan@example.org", display_name="Gwenllian")

    assert _errors("gwenllian.morgan", user) == [
        "The password is too similar to the email address."
    ]
