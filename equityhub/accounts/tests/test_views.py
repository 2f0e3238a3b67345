"""The account settings page at /account/: profile, sign-in links and personal API tokens."""

import hashlib

import pytest
from django.urls import reverse

from equityhub.accounts import services
from equityhub.accounts.models import ApiToken
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
        for url_name in ("account_email", "account_change_password", "mfa_index"):
            assert f'href="{reverse(url_name)}"' in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0")

    def test_runs_a_fixed_number_of_queries(
        self, member_client, member, django_assert_max_num_queries
    ):
        for number in range(5):
            services.api_token_create(user=member, name=f"Script {number}")

        # Session, member, tokens, two-factor status.
        with django_assert_max_num_queries(4):
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
