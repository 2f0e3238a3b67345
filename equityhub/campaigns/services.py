"""Writes to campaigns. The admin, the demo loader and any future API call these."""

from django.db import transaction

from equityhub.campaigns.models import Campaign


@transaction.atomic
def campaign_set_current(*, campaign: Campaign) -> Campaign:
    """Make `campaign` the edition shown on the home page, and no other.

    The previous current edition lets go first, in the same transaction, so the partial unique
    constraint `campaign_one_current` holds at every step and a failure leaves both as they were.
    """
    # UPDATE locks the rows it touches, so two editors switching editions at once queue up
    # rather than interleave; the constraint rejects anything that slips through.
    Campaign.objects.filter(is_current=True).exclude(pk=campaign.pk).update(is_current=False)
    Campaign.objects.filter(pk=campaign.pk).update(is_current=True)
    campaign.is_current = True
    return campaign


@transaction.atomic
def campaign_unset_current(*, campaign: Campaign) -> Campaign:
    """Stop showing `campaign` on the home page; no edition is current afterwards."""
    Campaign.objects.filter(pk=campaign.pk).update(is_current=False)
    campaign.is_current = False
    return campaign
