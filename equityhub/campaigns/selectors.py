"""Reads for campaign pages; each returns what one page needs in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from equityhub.campaigns.models import Campaign, Faq, Publication


def campaign_current() -> Campaign | None:
    return Campaign.objects.published().filter(is_current=True).first()


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.published().order_by("-year", "-starts_on")


def campaign_get(*, slug: str) -> Campaign | None:
    return (
        Campaign.objects.published()
        .prefetch_related(
            Prefetch("faqs", queryset=Faq.objects.order_by("position", "pk")),
            Prefetch("publications", queryset=Publication.objects.order_by("-published_on")),
        )
        .filter(slug=slug)
        .first()
    )


def faq_list(*, campaign: Campaign | None) -> QuerySet[Faq]:
    faqs = Faq.objects.filter(campaign__is_published=True).select_related("campaign")
    if campaign is not None:
        faqs = faqs.filter(campaign=campaign)
    return faqs.order_by("-campaign__year", "position", "pk")


def publication_list() -> QuerySet[Publication]:
    return Publication.objects.select_related("campaign").order_by("-published_on", "title")


def publication_get(*, slug: str) -> Publication | None:
    return Publication.objects.select_related("campaign").filter(slug=slug).first()
