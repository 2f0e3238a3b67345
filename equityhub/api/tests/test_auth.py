"""API authentication: a personal token (`Authorization: Bearer …`) or the browser session."""

import pytest

from equityhub.accounts import services

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def _bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_authenticates_as_its_member(client, member):
    new = services.api_token_create(user=member, name="Script")

    response = client.get(ME, **_bearer(new.secret))

    assert response.status_code == 200
    assert response.json() == {
        "email": member.email,
        "display_name": "Morgan Member",
        "preferred_language": "en",
        "profession": "",
        "region": "",
    }
    new.token.refresh_from_db()
    assert new.token.last_used_at is not None


def test_a_revoked_token_gets_401(client, member):
    new = services.api_token_create(user=member, name="Script")
    services.api_token_revoke(user=member, token_id=new.token.pk)

    response = client.get(ME, **_bearer(new.secret))

    assert response.status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer eh_made-up",
        "Bearer ",
        "Token eh_made-up",
        "Basic bWVtYmVyOnBhc3N3b3Jk",
    ],
)
def test_anything_else_gets_401(client, member, header):
    services.api_token_create(user=member, name="Script")

    assert client.get(ME, HTTP_AUTHORIZATION=header).status_code == 401


def test_no_credentials_get_401(client):
    assert client.get(ME).status_code == 401


def test_the_token_of_a_deactivated_member_gets_401(client, member):
    new = services.api_token_create(user=member, name="Script")
    member.is_active = False
    member.save()

    assert client.get(ME, **_bearer(new.secret)).status_code == 401


def test_a_signed_in_browser_needs_no_token(member_client, member):
    response = member_client.get(ME)

    assert response.status_code == 200
    assert response.json()["email"] == member.email


def test_a_token_speaks_for_its_own_member_only(client, member, other_member):
    new = services.api_token_create(user=other_member, name="Theirs")
    client.force_login(member)

    # The token is tried first: the request is made as the token's member.
    response = client.get(ME, **_bearer(new.secret))

    assert response.json()["email"] == other_member.email
