"""Campaigns, FAQs and publications in the site search."""

from django.utils.translation import gettext as _

from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.core.i18n import localized
from equityhub.core.search import SearchableText, register


def _campaign(campaign: Campaign) -> SearchableText:
    body = "\n".join(
        localized(campaign, field).text
        for field in ("summary", "body", "why_health_equity", "why_occupational_therapists")
    )
    return SearchableText(
        kind=_("Campaign"),
        title=localized(campaign, "title").text,
        body=f"{campaign.hashtag}\n{body}",
        url=campaign.get_absolute_url(),
        is_public=campaign.is_published,
    )


def _faq(faq: Faq) -> SearchableText:
    return SearchableText(
        kind=_("FAQ"),
        title=localized(faq, "question").text,
        body=localized(faq, "answer").text,
        url=faq.get_absolute_url(),
    )


def _publication(publication: Publication) -> SearchableText:
    return SearchableText(
        kind=_("Publication"),
        title=localized(publication, "title").text,
        body=localized(publication, "summary").text,
        url=publication.get_absolute_url(),
    )


def register_models() -> None:
    register(Campaign, _campaign)
    register(Faq, _faq)
    register(Publication, _publication)
