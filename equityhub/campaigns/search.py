"""Campaigns, FAQs and publications in the site search."""

import html
from collections.abc import Iterable

from django.db.models import Model
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.core.i18n import localized
from equityhub.core.search import SearchableText, register
from equityhub.core.text import markdown_to_html


def plain_text(markdown: str) -> str:
    """Markdown as the words a reader sees, so snippets show no asterisks or link targets."""
    return html.unescape(strip_tags(markdown_to_html(markdown, allow_headings=True))).strip()


def _campaign(campaign: Campaign) -> SearchableText:
    parts = [campaign.hashtag, localized(campaign, "theme").text]
    parts += [
        plain_text(localized(campaign, field).text)
        for field in ("summary", "body", "why_health_equity", "why_occupational_therapists")
    ]
    return SearchableText(
        kind=_("Campaign"),
        title=localized(campaign, "title").text,
        body="\n".join(part for part in parts if part),
        url=campaign.get_absolute_url(),
        is_public=campaign.is_published,
    )


def _campaign_dependents(campaign: Campaign) -> Iterable[Model]:
    # A FAQ is found only while its campaign is published.
    return campaign.faqs.all()


def _faq(faq: Faq) -> SearchableText:
    return SearchableText(
        kind=_("FAQ"),
        title=localized(faq, "question").text,
        body=plain_text(localized(faq, "answer").text),
        url=faq.get_absolute_url(),
        is_public=faq.campaign.is_published,
    )


def _publication(publication: Publication) -> SearchableText:
    return SearchableText(
        kind=_("Publication"),
        title=localized(publication, "title").text,
        body=plain_text(localized(publication, "summary").text),
        url=publication.get_absolute_url(),
    )


def register_models() -> None:
    register(Campaign, _campaign, dependents=_campaign_dependents)
    register(Faq, _faq)
    register(Publication, _publication)
