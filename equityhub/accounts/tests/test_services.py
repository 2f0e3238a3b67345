import hashlib

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from equityhub.accounts import services
from equityhub.accounts.models import ApiToken, User
from equityhub.accounts.roles import MODERATOR
from equityhub.accounts.tests.factories import create_superuser

pytestmark = pytest.mark.django_db


class TestApiTokens:
    def test_create_returns_the_secret_and_stores_only_its_digest(self, member):
        new = services.api_token_create(user=member, name="Script")

        assert new.secret.startswith("eh_")
        assert len(new.secret) > 40
        token = ApiToken.objects.get()
        assert token.user == member
        assert token.prefix == new.secret[:8]
        assert token.key_hash == hashlib.sha256(new.secret.encode()).hexdigest()
        assert token.is_active

    def test_each_token_is_different(self, member):
        first = services.api_token_create(user=member, name="One")
        second = services.api_token_create(user=member, name="Two")

        assert first.secret != second.secret

    def test_authenticate_finds_the_member_and_notes_the_use(self, member):
        new = services.api_token_create(user=member, name="Script")

        assert services.api_token_authenticate(new.secret) == member
        new.token.refresh_from_db()
        assert new.token.last_used_at is not None

    @pytest.mark.parametrize("secret", ["", "eh_not-a-real-token", "Bearer eh_x"])
    def test_authenticate_refuses_unknown_tokens(self, member, secret):
        services.api_token_create(user=member, name="Script")

        assert services.api_token_authenticate(secret) is None

    def test_a_revoked_token_no_longer_authenticates(self, member):
        new = services.api_token_create(user=member, name="Script")

        assert services.api_token_revoke(user=member, token_id=new.token.pk)
        assert services.api_token_authenticate(new.secret) is None

    def test_a_deactivated_members_token_no_longer_authenticates(self, member):
        new = services.api_token_create(user=member, name="Script")
        member.is_active = False
        member.save()

        assert services.api_token_authenticate(new.secret) is None

    def test_only_the_owner_can_revoke_and_only_once(self, member, other_member):
        token = services.api_token_create(user=member, name="Script").token

        assert not services.api_token_revoke(user=other_member, token_id=token.pk)
        token.refresh_from_db()
        assert token.is_active
        assert services.api_token_revoke(user=member, token_id=token.pk)
        assert not services.api_token_revoke(user=member, token_id=token.pk)


class TestProfile:
    def test_update_saves_the_profile(self, member):
        services.user_update_profile(
            user=member,
            display_name="Morgan",
            preferred_language="cy",
            profession="support_worker",
            region="trent",
        )

        member.refresh_from_db()
        assert member.display_name == "Morgan"
        assert member.preferred_language == "cy"
        assert member.profession == "support_worker"
        assert member.region == "trent"

    def test_update_refuses_values_outside_the_choices(self, member):
        with pytest.raises(ValidationError):
            services.user_update_profile(
                user=member, display_name="", preferred_language="fr", profession="", region=""
            )


class TestDelete:
    def test_deletes_the_account_and_everything_that_belongs_to_it(self, member, other_member):
        services.api_token_create(user=member, name="Mine")
        services.api_token_create(user=other_member, name="Theirs")
        Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={})
        member.groups.add(Group.objects.get_or_create(name=MODERATOR)[0])

        services.user_delete(user=member)

        assert list(User.objects.all()) == [other_member]
        assert list(ApiToken.objects.values_list("name", flat=True)) == ["Theirs"]
        assert list(EmailAddress.objects.values_list("email", flat=True)) == [other_member.email]
        assert not Authenticator.objects.exists()
        assert Group.objects.filter(name=MODERATOR).exists()  # the role stays, for others

    def test_the_last_superuser_is_refused_and_nothing_is_deleted(self, db):
        superuser = create_superuser()
        create_superuser(is_active=False)  # cannot sign in, so does not count
        services.api_token_create(user=superuser, name="Admin script")

        with pytest.raises(services.LastSuperuserError):
            services.user_delete(user=superuser)

        assert User.objects.filter(pk=superuser.pk).exists()
        assert ApiToken.objects.filter(user=superuser).exists()

    def test_a_superuser_may_leave_when_another_remains(self, db):
        leaving, staying = create_superuser(), create_superuser()

        services.user_delete(user=leaving)

        assert list(User.objects.all()) == [staying]
