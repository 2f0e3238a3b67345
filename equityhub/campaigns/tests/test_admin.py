"""Editors manage campaigns in the admin; members and visitors cannot."""

import pytest
from django.test import Client
from django.urls import reverse

from equityhub.campaigns.models import Campaign
from equityhub.campaigns.services import campaign_set_current
from equityhub.campaigns.tests.factories import CampaignFactory, FaqFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def change_url(campaign: Campaign) -> str:
    return reverse("admin:campaigns_campaign_change", args=[campaign.pk])


def form_data(campaign: Campaign, **overrides: object) -> dict[str, object]:
    """What the campaign change form posts, with no FAQ rows."""
    data: dict[str, object] = {
        "title_en": campaign.title_en,
        "title_cy": campaign.title_cy,
        "slug": campaign.slug,
        "year": campaign.year,
        "hashtag": campaign.hashtag,
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat(),
        "is_published": "on",
        "ideas_window": campaign.ideas_window,
        "theme_en": campaign.theme_en,
        "theme_cy": campaign.theme_cy,
        "summary_en": campaign.summary_en,
        "summary_cy": campaign.summary_cy,
        "body_en": campaign.body_en,
        "body_cy": campaign.body_cy,
        "why_health_equity_en": "",
        "why_health_equity_cy": "",
        "why_occupational_therapists_en": "",
        "why_occupational_therapists_cy": "",
        "faqs-TOTAL_FORMS": "0",
        "faqs-INITIAL_FORMS": "0",
        "faqs-MIN_NUM_FORMS": "0",
        "faqs-MAX_NUM_FORMS": "1000",
    }
    if campaign.is_current:
        data["is_current"] = "on"
    data.update(overrides)
    return data


def test_editor_opens_the_campaign_change_page_with_both_languages(client: Client, editor) -> None:
    campaign = CampaignFactory.create()
    FaqFactory.create(campaign=campaign, position=1)
    client.force_login(editor)

    response = client.get(change_url(campaign))

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title", "theme", "summary", "body", "why_health_equity"):
        assert f'name="{field}_en"' in html
        assert f'name="{field}_cy"' in html
    # The FAQs sit inline, in both languages too.
    assert 'name="faqs-0-question_en"' in html
    assert 'name="faqs-0-question_cy"' in html
    assert 'name="faqs-0-answer_cy"' in html


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:campaigns_campaign_changelist",
        "admin:campaigns_faq_changelist",
        "admin:campaigns_publication_changelist",
        "admin:campaigns_campaign_add",
        "admin:campaigns_faq_add",
        "admin:campaigns_publication_add",
    ],
)
def test_editor_opens_every_campaign_admin_page(client: Client, editor, url_name: str) -> None:
    FaqFactory.create()
    PublicationFactory.create()
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 200


def test_publication_change_page_shows_both_languages(client: Client, editor) -> None:
    publication = PublicationFactory.create()
    client.force_login(editor)
    response = client.get(reverse("admin:campaigns_publication_change", args=[publication.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="title_en"' in html
    assert 'name="title_cy"' in html
    assert 'name="summary_cy"' in html


def test_member_cannot_use_the_campaign_admin(client: Client, member) -> None:
    campaign = CampaignFactory.create()
    client.force_login(member)
    response = client.get(change_url(campaign))
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert reverse("admin:login") in response["Location"]
    posted = client.post(change_url(campaign), form_data(campaign, title_en="Changed"))
    assert posted.status_code in {302, 403}
    campaign.refresh_from_db()
    assert campaign.title_en != "Changed"


def test_visitor_is_sent_to_sign_in(client: Client) -> None:
    campaign = CampaignFactory.create()
    response = client.get(change_url(campaign))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_editor_saves_welsh_text(client: Client, editor) -> None:
    campaign = CampaignFactory.create(summary_cy="")
    client.force_login(editor)

    response = client.post(change_url(campaign), form_data(campaign, summary_cy="Crynodeb newydd."))

    assert response.status_code == 302, response.content.decode()[:2000]
    campaign.refresh_from_db()
    assert campaign.summary_cy == "Crynodeb newydd."


def test_ticking_current_in_the_form_moves_it_from_the_previous_edition(
    client: Client, editor
) -> None:
    previous = CampaignFactory.create(year=2020)
    campaign_set_current(campaign=previous)
    campaign = CampaignFactory.create(year=2021)
    client.force_login(editor)

    response = client.post(change_url(campaign), form_data(campaign, is_current="on"))

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Campaign.objects.filter(is_current=True)) == [campaign]


def test_saving_the_current_edition_keeps_it_current(client: Client, editor) -> None:
    campaign = CampaignFactory.create()
    campaign_set_current(campaign=campaign)
    client.force_login(editor)

    response = client.post(change_url(campaign), form_data(campaign, title_en="New title"))

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.is_current
    assert campaign.title_en == "New title"


def test_other_constraints_are_still_checked(client: Client, editor) -> None:
    campaign = CampaignFactory.create(year=2021)
    client.force_login(editor)

    response = client.post(
        change_url(campaign),
        form_data(campaign, is_current="on", starts_on="2021-11-07", ends_on="2021-11-01"),
    )

    assert response.status_code == 200
    assert not Campaign.objects.filter(is_current=True).exists()


def test_make_current_action(client: Client, editor) -> None:
    previous = CampaignFactory.create(year=2020)
    campaign_set_current(campaign=previous)
    campaign = CampaignFactory.create(year=2021)
    client.force_login(editor)

    response = client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "make_current", "_selected_action": [campaign.pk]},
    )

    assert response.status_code == 302
    assert list(Campaign.objects.filter(is_current=True)) == [campaign]


def test_make_current_action_refuses_two_campaigns(client: Client, editor) -> None:
    first, second = CampaignFactory.create(), CampaignFactory.create()
    client.force_login(editor)

    client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "make_current", "_selected_action": [first.pk, second.pk]},
    )

    assert not Campaign.objects.filter(is_current=True).exists()


def test_unset_current_action(client: Client, editor) -> None:
    campaign = CampaignFactory.create()
    campaign_set_current(campaign=campaign)
    client.force_login(editor)

    client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "unset_current", "_selected_action": [campaign.pk]},
    )

    assert not Campaign.objects.filter(is_current=True).exists()
