import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder

from equityhub.accounts import selectors, services
from equityhub.accounts.roles import MODERATOR
from equityhub.accounts.tests.factories import create_superuser

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


class TestLastSuperuser:
    def test_a_member_is_never_the_last_superuser(self, member):
        assert not selectors.is_last_superuser(user=member)

    def test_the_only_active_superuser_is(self, member):
        superuser = create_superuser()
        create_superuser(is_active=False)

        assert selectors.is_last_superuser(user=superuser)

    def test_one_of_two_is_not(self, db):
        first = create_superuser()
        create_superuser()

        assert not selectors.is_last_superuser(user=first)


class TestDataExport:
    def test_holds_the_members_profile_addresses_tokens_and_authenticators(self, member):
        member.profession, member.region, member.preferred_language = "ot", "wales", "cy"
        member.save()
        member.groups.add(Group.objects.get_or_create(name=MODERATOR)[0])
        EmailAddress.objects.create(user=member, email="new@example.org", verified=False)
        services.api_token_create(user=member, name="Reporting script")
        Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={})

        data = selectors.user_data_export(user=member)

        assert data["profile"] == {
            "email": member.email,
            "display_name": "Morgan Member",
            "preferred_language": "cy",
            "profession": "ot",
            "region": "wales",
            "roles": [MODERATOR],
            "date_joined": member.date_joined,
            "last_login": None,
        }
        assert data["email_addresses"] == [
            {"email": member.email, "primary": True, "verified": True},
            {"email": "new@example.org", "primary": False, "verified": False},
        ]
        [token] = data["api_tokens"]
        assert set(token) == {"name", "prefix", "created_at", "last_used_at", "revoked_at"}
        assert token["name"] == "Reporting script"
        [authenticator] = data["two_factor_authenticators"]
        assert set(authenticator) == {"type", "created_at", "last_used_at"}
        assert authenticator["type"] == "totp"
        assert data["exported_at"] is not None

    def test_leaves_out_other_members_and_every_secret(self, member, other_member):
        mine = services.api_token_create(user=member, name="Mine")
        theirs = services.api_token_create(user=other_member, name="Theirs")
        Authenticator.objects.create(
            user=member, type=Authenticator.Type.TOTP, data={"secret": "MYTOTPSECRET"}
        )
        Authenticator.objects.create(
            user=other_member, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "THEIRSEED"}
        )

        text = json.dumps(selectors.user_data_export(user=member), cls=DjangoJSONEncoder)

        for secret in (
            mine.secret,
            mine.token.key_hash,
            "MYTOTPSECRET",
            member.password,
            theirs.token.name,
            theirs.token.prefix,
            other_member.email,
            "THEIRSEED",
            "recovery_codes",
        ):
            assert secret not in text

    def test_runs_a_fixed_number_of_queries(self, member, django_assert_num_queries, monkeypatch):
        for number in range(3):
            services.api_token_create(user=member, name=f"Script {number}")
        # Only the sections written here: other apps count the queries of their own.
        own = ("profile", "email_addresses", "api_tokens", "two_factor_authenticators")
        monkeypatch.setattr(selectors, "_SECTIONS", {key: selectors._SECTIONS[key] for key in own})

        # Roles, email addresses, tokens, authenticators.
        with django_assert_num_queries(4):
            selectors.user_data_export(user=member)

    def test_other_apps_add_their_own_sections(self, member, monkeypatch):
        monkeypatch.setattr(selectors, "_SECTIONS", dict(selectors._SECTIONS))

        def stories(*, user):
            return [{"title": f"A story by {user.display_name}"}]

        selectors.register_data_export_section("stories", stories, "your stories")
        selectors.register_data_export_section("stories", stories, "your stories")  # harmless

        data = selectors.user_data_export(user=member)
        assert data["stories"] == [{"title": "A story by Morgan Member"}]
        assert list(data)[-1] == "stories"
        assert selectors.data_export_sections()[-1].description == "your stories"

    @pytest.mark.parametrize("key", ["profile", "exported_at"])
    def test_a_section_cannot_take_a_key_already_in_use(self, monkeypatch, key):
        monkeypatch.setattr(selectors, "_SECTIONS", dict(selectors._SECTIONS))

        with pytest.raises(ImproperlyConfigured):
            selectors.register_data_export_section(key, lambda *, user: None, "clash")
