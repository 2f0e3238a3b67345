import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from equityhub.accounts.demo import DEMO_PASSWORD, create_demo_accounts
from equityhub.accounts.models import User
from equityhub.accounts.roles import ADMIN, EDITOR, MEMBER, MODERATOR, has_role

pytestmark = pytest.mark.django_db


def _state() -> list[tuple]:
    users = User.objects.order_by("email").values_list(
        "email", "password", "display_name", "is_staff", "is_superuser", "preferred_language"
    )
    addresses = EmailAddress.objects.order_by("email").values_list("email", "verified", "primary")
    memberships = User.groups.through.objects.order_by("user_id", "group_id").values_list(
        "user_id", "group_id"
    )
    return [*users, *addresses, *memberships]


def test_one_verified_account_per_role():
    users = {user.email: user for user in create_demo_accounts()}

    assert set(users) == {
        "member@equityhub.example",
        "moderator@equityhub.example",
        "editor@equityhub.example",
        "admin@equityhub.example",
    }
    for email, role in [
        ("member@equityhub.example", MEMBER),
        ("moderator@equityhub.example", MODERATOR),
        ("editor@equityhub.example", EDITOR),
        ("admin@equityhub.example", ADMIN),
    ]:
        user = users[email]
        assert user.display_name
        assert user.check_password(DEMO_PASSWORD)
        assert user.groups.filter(name=role).exists()
        assert EmailAddress.objects.get(user=user).verified
    assert users["admin@equityhub.example"].is_superuser
    assert not users["editor@equityhub.example"].is_superuser
    assert not users["member@equityhub.example"].is_staff
    assert not has_role(users["member@equityhub.example"], EDITOR)


def test_running_it_twice_changes_nothing():
    create_demo_accounts()
    before = _state()

    again = create_demo_accounts()

    assert len(again) == 4
    assert _state() == before
    assert Group.objects.filter(name__in=[MEMBER, MODERATOR, EDITOR, ADMIN]).count() == 4


def test_a_demo_account_can_sign_in(client):
    create_demo_accounts()

    response = client.post(
        "/accounts/login/", {"login": "member@equityhub.example", "password": DEMO_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/"
