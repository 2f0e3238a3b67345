"""Demo content: Occupational Therapy Week 2019 to 2024, with 2021 (#OTsForEquity) current.

`load_demo_campaigns()` is idempotent. Campaigns are matched by slug, FAQs by (campaign,
position) and publications by slug; a row is written only when a value differs, so running it
twice changes nothing, not even `updated_at`. Saving goes through the models, so the search
index follows through its post_save signals.
"""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import translation

from equityhub.campaigns.demo import ot_week_2021, other_editions
from equityhub.campaigns.demo.content import DemoCampaign, DemoPublication, Text
from equityhub.campaigns.demo.report import ensure_stand_in_pdf
from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.campaigns.services import campaign_set_current

__all__ = ["CAMPAIGNS", "PUBLICATIONS", "load_demo_campaigns"]

CAMPAIGNS: tuple[DemoCampaign, ...] = tuple(
    sorted((ot_week_2021.CAMPAIGN, *other_editions.EDITIONS), key=lambda campaign: campaign.year)
)
PUBLICATIONS: tuple[DemoPublication, ...] = (ot_week_2021.ROOTS_OF_RECOVERY,)


def load_demo_campaigns() -> int:
    """Create or update the demo editions, their FAQs and publications; return how many editions.

    The 2021 edition becomes current only when no edition is, so an editor's choice survives
    a second run.
    """
    # Model fields without a language suffix follow the active language: load in English.
    with translation.override("en"), transaction.atomic():
        campaigns = {demo.slug: _load_campaign(demo) for demo in CAMPAIGNS}
        for publication in PUBLICATIONS:
            _load_publication(publication, campaign=campaigns[publication.campaign_slug])
        if not Campaign.objects.filter(is_current=True).exists():
            current = next(demo for demo in CAMPAIGNS if demo.is_current)
            campaign_set_current(campaign=campaigns[current.slug])
    return len(campaigns)


def _translated(field: str, text: Text) -> dict[str, str]:
    return {f"{field}_en": text.en, f"{field}_cy": text.cy}


def _load_campaign(demo: DemoCampaign) -> Campaign:
    campaign = _sync(
        Campaign,
        lookup={"slug": demo.slug},
        values={
            "year": demo.year,
            "hashtag": demo.hashtag,
            "starts_on": demo.starts_on,
            "ends_on": demo.ends_on,
            "is_published": True,
            "ideas_window": demo.ideas_window,
            **_translated("title", demo.title),
            **_translated("theme", demo.theme),
            **_translated("summary", demo.summary),
            **_translated("body", demo.body),
            **_translated("why_health_equity", demo.why_health_equity),
            **_translated("why_occupational_therapists", demo.why_occupational_therapists),
        },
    )
    for position, faq in enumerate(demo.faqs, start=1):
        _sync(
            Faq,
            lookup={"campaign": campaign, "position": position},
            values={**_translated("question", faq.question), **_translated("answer", faq.answer)},
        )
    return campaign


def _load_publication(demo: DemoPublication, *, campaign: Campaign) -> Publication:
    values: dict[str, Any] = {
        "campaign": campaign,
        "published_on": demo.published_on,
        "link": demo.link,
        **_translated("title", demo.title),
        **_translated("summary", demo.summary),
    }
    if demo.file_name:
        values["file"] = ensure_stand_in_pdf(demo)
    return _sync(Publication, lookup={"slug": demo.slug}, values=values)


def _sync[M: Model](model: type[M], *, lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Like update_or_create, but saves only when something differs, and only what differs."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save(update_fields=[*changed, "updated_at"])
    return obj
