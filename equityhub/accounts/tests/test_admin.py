"""People in the admin: admins manage users and see tokens; editors cannot."""

import pytest
from django.contrib.auth.models import Permission

from equityhub.accounts import services
from equityhub.accounts.models import User
from equityhub.accounts.roles import EDITOR
from equityhub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editors_hold_no_permission_on_people(editor):
    editor_permissions = Permission.objects.filter(group__name=EDITOR)

    assert not editor_permissions.filter(
        content_type__app_label__in=["accounts", "auth", "account", "mfa"]
    ).exists()
    assert not editor.has_perm("accounts.view_user")
    assert not editor.has_perm("accounts.change_user")


@pytest.mark.parametrize(
    "url", ["/admin/accounts/user/", "/admin/accounts/user/add/", "/admin/accounts/apitoken/"]
)
def test_editors_cannot_open_the_people_pages(client, editor, url):
    client.force_login(editor)

    assert client.get(url).status_code == 403


def test_members_cannot_open_the_admin(member_client):
    response = member_client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admins_see_users_with_their_roles(
    client, admin_user, editor, django_assert_max_num_queries
):
    UserFactory.create_batch(5)
    client.force_login(admin_user)

    with django_assert_max_num_queries(10):
        response = client.get("/admin/accounts/user/")

    content = response.content.decode()
    assert response.status_code == 200
    assert editor.email in content
    assert "Eddie Editor" in content
    assert ">editor<" in content


def test_admins_add_users_by_email(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "New.Person@Example.org",
            "usable_password": "true",
            "password1": "tidal lagoon 1912",
            "password2": "tidal lagoon 1912",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.check_password("tidal lagoon 1912")


def test_admins_open_a_users_page(client, admin_user, member):
    client.force_login(admin_user)

    response = client.get(f"/admin/accounts/user/{member.pk}/change/")

    assert response.status_code == 200
    assert member.email in response.content.decode()


def test_tokens_are_read_only_and_their_hash_stays_hidden(client, admin_user, member):
    new = services.api_token_create(user=member, name="Nightly export")
    client.force_login(admin_user)

    listing = client.get("/admin/accounts/apitoken/").content.decode()
    detail = client.get(f"/admin/accounts/apitoken/{new.token.pk}/change/")

    assert "Nightly export" in listing
    assert new.token.key_hash not in listing
    assert detail.status_code == 200
    assert new.token.key_hash not in detail.content.decode()
    assert new.secret not in detail.content.decode()
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
    assert client.post(f"/admin/accounts/apitoken/{new.token.pk}/delete/").status_code == 403
