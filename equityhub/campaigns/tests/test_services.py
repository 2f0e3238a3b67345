import pytest
from django.db import IntegrityError, transaction

from equityhub.campaigns.models import Campaign
from equityhub.campaigns.services import campaign_set_current, campaign_unset_current
from equityhub.campaigns.tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def current_slugs() -> list[str]:
    return list(Campaign.objects.filter(is_current=True).values_list("slug", flat=True))


def test_setting_a_campaign_current_unsets_the_previous_one() -> None:
    first = CampaignFactory.create(year=2020)
    second = CampaignFactory.create(year=2021)
    campaign_set_current(campaign=first)

    campaign_set_current(campaign=second)

    assert current_slugs() == [second.slug]
    assert second.is_current
    first.refresh_from_db()
    assert not first.is_current


def test_setting_the_current_campaign_current_again_keeps_it() -> None:
    campaign = CampaignFactory.create()
    campaign_set_current(campaign=campaign)
    campaign_set_current(campaign=campaign)
    assert current_slugs() == [campaign.slug]


def test_unsetting_leaves_no_current_campaign() -> None:
    campaign = CampaignFactory.create()
    campaign_set_current(campaign=campaign)
    campaign_unset_current(campaign=campaign)
    assert current_slugs() == []


def test_the_database_refuses_two_current_campaigns() -> None:
    CampaignFactory.create(year=2020, is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        CampaignFactory.create(year=2021, is_current=True)
