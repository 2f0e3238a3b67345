import pytest
from allauth.mfa.models import Authenticator

from equityhub.accounts import selectors, services

pytestmark = pytest.mark.django_db


def test_token_list_holds_only_the_members_tokens_newest_first(member, other_member):
    older = services.api_token_create(user=member, name="Older").token
    newer = services.api_token_create(user=member, name="Newer").token
    services.api_token_create(user=other_member, name="Not theirs")

    assert list(selectors.api_token_list(user=member)) == [newer, older]


def test_two_factor_is_enabled_by_an_authenticator_app(member):
    assert not selectors.two_factor_enabled(user=member)

    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={})

    assert selectors.two_factor_enabled(user=member)
