"""Reads for campaign pages; each returns what one page needs in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from equityhub.campaigns.models import Campaign, CampaignQuerySet, Faq, Publication


def _with_faqs_and_publications(campaigns: CampaignQuerySet) -> CampaignQuerySet:
    """Campaigns with their FAQs and publications: three queries however many there are."""
    return campaigns.prefetch_related(
        Prefetch("faqs", queryset=Faq.objects.order_by("position", "pk")),
        Prefetch("publications", queryset=Publication.objects.order_by("-published_on", "pk")),
    )


def campaign_current() -> Campaign | None:
    """The edition shown on the home page, with its FAQs and publications."""
    return _with_faqs_and_publications(Campaign.objects.published().filter(is_current=True)).first()


def campaign_list() -> CampaignQuerySet:
    """Every published edition, newest first."""
    return Campaign.objects.published().order_by("-year", "-starts_on")


def campaign_get(*, slug: str) -> Campaign | None:
    """One published edition, with its FAQs and publications."""
    return _with_faqs_and_publications(Campaign.objects.published().filter(slug=slug)).first()


def faq_list(*, campaign: Campaign | None) -> QuerySet[Faq]:
    """FAQs of published editions (or of one edition), newest edition first, in their order."""
    faqs = Faq.objects.filter(campaign__is_published=True).select_related("campaign")
    if campaign is not None:
        faqs = faqs.filter(campaign=campaign)
    return faqs.order_by("-campaign__year", "-campaign__starts_on", "campaign_id", "position", "pk")


def publication_list() -> QuerySet[Publication]:
    """Every publication, newest first, with its campaign."""
    return Publication.objects.select_related("campaign").order_by("-published_on", "title", "pk")


def publication_get(*, slug: str) -> Publication | None:
    return publication_list().filter(slug=slug).first()
