"""The account pages under /account/: profile, sign-in links, API tokens, your data."""

import hashlib
import json

import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from equityhub.accounts import services
from equityhub.accounts.models import ApiToken, User
from equityhub.accounts.tests.factories import PASSWORD, create_superuser
from equityhub.accounts.tests.pages import SITE_TITLE, read

pytestmark = pytest.mark.django_db

SETTINGS = "/account/"


def _profile(**changes):
    data = {"display_name": "Morgan", "preferred_language": "en", "profession": "ot", "region": ""}
    return {**data, **changes}


class TestWhoMayUseIt:
    @pytest.mark.parametrize(
        ("url", "login"),
        [
            ("/account/", "/accounts/login/?next=/account/"),
            ("/cy/account/", "/cy/accounts/login/?next=/cy/account/"),
        ],
    )
    def test_visitors_are_sent_to_sign_in(self, client, url, login):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"] == login

    def test_visitors_cannot_create_tokens(self, client):
        response = client.post("/account/tokens/", {"name": "Sneaky"})

        assert response.status_code == 302
        assert ApiToken.objects.count() == 0


class TestSettingsPage:
    def test_shows_the_members_details_and_sign_in_links(self, member_client, member):
        response = member_client.get(SETTINGS)
        page = read(response)

        assert response.status_code == 200
        assert page.title == "Your account" + SITE_TITLE
        assert page.h1_count == 1
        assert page.unlabelled_controls() == []
        assert page.control("display_name")["value"] == "Morgan Member"
        assert page.breadcrumb_links == ["/"]
        for url_name in (
            "account_email",
            "account_change_password",
            "mfa_index",
            "ideas:notifications",
            "accounts:data_export",
            "accounts:delete",
        ):
            assert f'href="{reverse(url_name)}"' in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0")

    def test_runs_a_fixed_number_of_queries(
        self, member_client, member, django_assert_max_num_queries
    ):
        for number in range(5):
            services.api_token_create(user=member, name=f"Script {number}")

        # Session, member, roles (the header shows moderators their queue), tokens, two-factor.
        with django_assert_max_num_queries(5):
            response = member_client.get(SETTINGS)

        assert response.content.decode().count('<h3 class="govuk-summary-card__title"') == 5

    def test_the_language_choices_are_marked_with_their_language(self, member_client):
        content = member_client.get(SETTINGS).content.decode()

        assert 'lang="cy">Cymraeg</label>' in content
        assert 'lang="en">English</label>' in content


class TestProfile:
    def test_saving_keeps_the_page_language(self, member_client, member):
        response = member_client.post(SETTINGS, _profile(display_name="Morgan E.", region="wales"))

        assert response.status_code == 302
        assert response["Location"] == "/account/"
        member.refresh_from_db()
        assert member.display_name == "Morgan E."
        assert (member.region, member.profession) == ("wales", "ot")
        assert "Your details have been saved." in member_client.get(SETTINGS).content.decode()

    def test_choosing_welsh_shows_the_page_in_welsh(self, member_client, member):
        response = member_client.post(SETTINGS, _profile(preferred_language="cy"))

        assert response["Location"] == "/cy/account/"
        member.refresh_from_db()
        assert member.preferred_language == "cy"

    def test_choosing_english_on_a_welsh_page_goes_back_to_english(self, member_client, member):
        response = member_client.post("/cy/account/", _profile(preferred_language="en"))

        assert response["Location"] == "/account/"

    def test_errors_are_shown_and_nothing_typed_is_lost(self, member_client, member):
        too_long = "M" * 81
        response = member_client.post(
            SETTINGS, _profile(display_name=too_long, region="south_west", preferred_language="")
        )
        page = read(response)
        content = response.content.decode()

        assert response.status_code == 200
        assert page.title.startswith("Error: Your account")
        assert page.error_summary_links == ["#id_display_name", "#id_preferred_language_0"]
        assert "Enter a display name of 80 characters or fewer." in content
        assert "Choose the language for pages and emails." in content
        assert page.control("display_name")["value"] == too_long
        assert '<option value="south_west" selected>' in content
        assert content.count('<span class="govuk-visually-hidden">Error:</span>') == 2
        member.refresh_from_db()
        assert member.display_name == "Morgan Member"

    def test_an_unknown_language_is_refused(self, member_client, member):
        response = member_client.post(SETTINGS, _profile(preferred_language="fr"))

        assert response.status_code == 200
        assert "Choose English or Cymraeg." in response.content.decode()
        member.refresh_from_db()
        assert member.preferred_language == "en"


class TestApiTokens:
    def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(self, member_client, member):
        response = member_client.post("/account/tokens/", {"name": "Reporting script"})
        content = response.content.decode()

        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        token = ApiToken.objects.get(user=member)
        secret = content.split('<code class="eh-token">')[1].split("</code>")[0]
        assert secret.startswith("eh_")
        assert "It will not be shown again" in content
        assert token.name == "Reporting script"
        assert token.prefix == secret[:8]
        assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
        stored = [str(value) for value in ApiToken.objects.values_list().get()]
        assert secret not in stored
        assert secret not in member_client.get(SETTINGS).content.decode()

    def test_a_token_needs_a_name(self, member_client, member):
        response = member_client.post("/account/tokens/", {"name": "  "})
        page = read(response)

        assert response.status_code == 200
        assert page.error_summary_links == ["#id_name"]
        assert "Enter a name for the token." in response.content.decode()
        assert not ApiToken.objects.exists()

    def test_the_token_address_sends_a_get_to_the_tokens_section(self, member_client):
        response = member_client.get("/cy/account/tokens/")

        assert response.status_code == 302
        assert response["Location"] == "/cy/account/#api-tokens"

    def test_the_list_shows_active_and_revoked_tokens(self, member_client, member):
        active = services.api_token_create(user=member, name="Live script").token
        revoked = services.api_token_create(user=member, name="Old script").token
        services.api_token_revoke(user=member, token_id=revoked.pk)

        content = member_client.get(SETTINGS).content.decode()

        assert "Live script" in content
        assert active.prefix in content
        assert "Old script" in content
        assert "Revoked" in content
        assert content.count('action="/account/tokens/') == 2  # create, and revoke the live one

    def test_a_member_revokes_their_own_token(self, member_client, member):
        token = services.api_token_create(user=member, name="Script").token

        response = member_client.post(f"/account/tokens/{token.pk}/revoke/")

        assert response.status_code == 302
        assert response["Location"] == "/account/"
        token.refresh_from_db()
        assert token.revoked_at is not None
        assert "The token has been revoked." in member_client.get(SETTINGS).content.decode()

    def test_another_member_cannot_revoke_it(self, client, member, other_member):
        token = services.api_token_create(user=member, name="Script").token
        client.force_login(other_member)

        response = client.post(f"/account/tokens/{token.pk}/revoke/", follow=True)

        assert "That token was not found among your active tokens." in response.content.decode()
        token.refresh_from_db()
        assert token.is_active

    def test_revoking_needs_a_post(self, member_client, member):
        token = services.api_token_create(user=member, name="Script").token

        response = member_client.get(f"/account/tokens/{token.pk}/revoke/")

        assert response.status_code == 405
        token.refresh_from_db()
        assert token.is_active


EXPORT = "/account/export/"
DELETE = "/account/delete/"


class TestDataExport:
    @pytest.mark.parametrize("method", ["get", "post"])
    @pytest.mark.parametrize("prefix", ["", "/cy"])
    def test_visitors_are_sent_to_sign_in(self, client, method, prefix):
        response = getattr(client, method)(f"{prefix}{EXPORT}")

        assert response.status_code == 302
        assert response["Location"] == f"{prefix}/accounts/login/?next={prefix}{EXPORT}"

    def test_the_page_says_what_the_file_holds(self, member_client, django_assert_max_num_queries):
        # Session, member, roles (the header shows moderators their queue).
        with django_assert_max_num_queries(3):
            response = member_client.get(EXPORT)
        page = read(response)
        content = response.content.decode()

        assert response.status_code == 200
        assert page.title == "Download your data" + SITE_TITLE
        assert page.h1_count == 1
        assert page.breadcrumb_links == ["/", "/account/"]
        assert "never the tokens themselves" in content
        assert f'action="{EXPORT}"' in content
        assert "no-store" in response["Cache-Control"]

    def test_posting_downloads_the_members_own_data(
        self, member_client, member, other_member, django_assert_max_num_queries
    ):
        new = services.api_token_create(user=member, name="Reporting script")
        theirs = services.api_token_create(user=other_member, name="Their script")
        Authenticator.objects.create(
            user=member, type=Authenticator.Type.TOTP, data={"secret": "MYTOTPSECRET"}
        )

        # Session, member, then roles, addresses, tokens and authenticators, then six for
        # the Ideas Platform's section (equityhub/ideas/personal_data.py).
        with django_assert_max_num_queries(12):
            response = member_client.post(EXPORT)
        text = response.content.decode()
        data = json.loads(text)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        today = timezone.localdate().isoformat()
        assert response["Content-Disposition"] == (
            f'attachment; filename="equityhub-data-{today}.json"'
        )
        assert "no-store" in response["Cache-Control"]
        assert data["profile"]["email"] == member.email
        assert data["profile"]["display_name"] == "Morgan Member"
        assert [token["name"] for token in data["api_tokens"]] == ["Reporting script"]
        assert [item["type"] for item in data["two_factor_authenticators"]] == ["totp"]
        for absent in (
            new.secret,
            new.token.key_hash,
            "MYTOTPSECRET",
            member.password,
            other_member.email,
            theirs.token.name,
        ):
            assert absent not in text

    def test_each_member_gets_only_their_own(self, client, member, other_member):
        client.force_login(other_member)

        data = client.post(EXPORT).json()

        assert data["profile"]["email"] == other_member.email
        assert member.email not in json.dumps(data)


class TestDeleteAccount:
    @pytest.mark.parametrize("method", ["get", "post"])
    @pytest.mark.parametrize("prefix", ["", "/cy"])
    def test_visitors_are_sent_to_sign_in(self, client, member, method, prefix):
        data = {"password": PASSWORD} if method == "post" else {}
        response = getattr(client, method)(f"{prefix}{DELETE}", data)

        assert response.status_code == 302
        assert response["Location"] == f"{prefix}/accounts/login/?next={prefix}{DELETE}"
        assert User.objects.filter(pk=member.pk).exists()

    def test_the_page_explains_and_asks_for_the_password(
        self, member_client, django_assert_max_num_queries
    ):
        # Session, member, roles (the header shows moderators their queue).
        with django_assert_max_num_queries(3):
            response = member_client.get(DELETE)
        page = read(response)
        content = response.content.decode()

        assert response.status_code == 200
        assert page.title == "Delete your account" + SITE_TITLE
        assert page.h1_count == 1
        assert page.unlabelled_controls() == []
        assert page.breadcrumb_links == ["/", "/account/"]
        password = page.control("password")
        assert (password["type"], password["autocomplete"]) == ("password", "current-password")
        assert "You cannot undo this." in content
        assert f'href="{EXPORT}"' in content
        assert "no-store" in response["Cache-Control"]

    def test_a_wrong_password_keeps_the_account_and_says_so(self, member_client, member):
        response = member_client.post(DELETE, {"password": "not my password"})
        page = read(response)
        content = response.content.decode()

        assert response.status_code == 200
        assert page.title == "Error: Delete your account" + SITE_TITLE
        assert page.error_summary_links == ["#id_password"]
        assert "The password is not correct." in content
        assert "not my password" not in content  # what was typed is never sent back
        assert "value" not in page.control("password")
        assert User.objects.filter(pk=member.pk).exists()
        assert member_client.session["_auth_user_id"] == str(member.pk)

    def test_an_empty_password_is_asked_for(self, member_client, member):
        response = member_client.post(DELETE, {"password": ""})

        assert read(response).error_summary_links == ["#id_password"]
        assert "Enter your password." in response.content.decode()
        assert User.objects.filter(pk=member.pk).exists()

    @pytest.mark.parametrize(("prefix", "home"), [("", "/"), ("/cy", "/cy/")])
    def test_the_right_password_deletes_the_account_and_signs_out(
        self, member_client, member, prefix, home, django_assert_max_num_queries
    ):
        for number in range(3):
            services.api_token_create(user=member, name=f"Script {number}")

        # Session and member; one bulk delete or update per table that refers to members (the
        # ideas, moderation, action plan and job tables among them), however many rows; a new
        # session.
        with django_assert_max_num_queries(46):
            response = member_client.post(f"{prefix}{DELETE}", {"password": PASSWORD})

        assert response.status_code == 302
        assert response["Location"] == home
        assert not User.objects.filter(pk=member.pk).exists()
        assert not ApiToken.objects.exists()
        assert "_auth_user_id" not in member_client.session
        page = member_client.get(home).content.decode()
        with translation.override(prefix.strip("/") or "en"):
            message = translation.gettext(
                "Your account has been deleted, and you have been signed out."
            )
        assert message in page
        assert member_client.get(SETTINGS)["Location"].startswith("/accounts/login/")

    def test_another_members_account_is_untouched(self, client, member, other_member):
        client.force_login(other_member)

        client.post(DELETE, {"password": PASSWORD})

        assert list(User.objects.all()) == [member]

    def test_the_last_superuser_is_refused_with_the_reason(
        self, client, django_assert_max_num_queries
    ):
        superuser = create_superuser()
        client.force_login(superuser)

        # Session, member, other superusers.
        with django_assert_max_num_queries(3):
            page = client.get(DELETE)
        refused = client.post(DELETE, {"password": PASSWORD})

        assert page.status_code == 200
        assert "only superuser" in page.content.decode()
        assert "password" not in [control.get("name") for control in read(page).controls]
        assert refused.status_code == 409
        assert "only superuser" in refused.content.decode()
        assert User.objects.filter(pk=superuser.pk).exists()
        assert client.session["_auth_user_id"] == str(superuser.pk)

    def test_a_superuser_may_leave_when_another_remains(self, client):
        leaving = create_superuser()
        create_superuser()
        client.force_login(leaving)

        response = client.post(DELETE, {"password": PASSWORD})

        assert response.status_code == 302
        assert not User.objects.filter(pk=leaving.pk).exists()

    @override_settings(ACCOUNT_RATE_LIMITS={"reauthenticate": "2/m/user"})
    def test_guessing_the_password_is_stopped(self, member_client, member):
        for _attempt in range(2):
            member_client.post(DELETE, {"password": "guess"})

        response = member_client.post(DELETE, {"password": PASSWORD})

        assert response.status_code == 429
        assert User.objects.filter(pk=member.pk).exists()
