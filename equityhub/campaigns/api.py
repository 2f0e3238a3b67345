"""Read-only campaign endpoints; public."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from equityhub.campaigns import selectors
from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.core.i18n import localized

router = Router(tags=["campaigns"])


class CampaignOut(Schema):
    slug: str
    year: int
    title: str
    hashtag: str
    theme: str
    starts_on: date
    ends_on: date
    summary: str
    is_current: bool
    url: str

    @staticmethod
    def resolve_title(obj: Campaign) -> str:
        return localized(obj, "title").text

    @staticmethod
    def resolve_theme(obj: Campaign) -> str:
        return localized(obj, "theme").text

    @staticmethod
    def resolve_summary(obj: Campaign) -> str:
        return localized(obj, "summary").text

    @staticmethod
    def resolve_url(obj: Campaign) -> str:
        return obj.get_absolute_url()


class FaqOut(Schema):
    id: int
    campaign: str
    question: str
    answer: str
    position: int

    @staticmethod
    def resolve_campaign(obj: Faq) -> str:
        return obj.campaign.slug

    @staticmethod
    def resolve_question(obj: Faq) -> str:
        return localized(obj, "question").text

    @staticmethod
    def resolve_answer(obj: Faq) -> str:
        return localized(obj, "answer").text


class PublicationOut(Schema):
    slug: str
    title: str
    summary: str
    published_on: date
    campaign: str | None
    file_url: str | None
    link: str | None

    @staticmethod
    def resolve_title(obj: Publication) -> str:
        return localized(obj, "title").text

    @staticmethod
    def resolve_summary(obj: Publication) -> str:
        return localized(obj, "summary").text

    @staticmethod
    def resolve_campaign(obj: Publication) -> str | None:
        return obj.campaign.slug if obj.campaign else None

    @staticmethod
    def resolve_file_url(obj: Publication) -> str | None:
        return obj.file.url if obj.file else None

    @staticmethod
    def resolve_link(obj: Publication) -> str | None:
        return obj.link or None


@router.get("/campaigns", response=list[CampaignOut], summary="All campaign editions")
@paginate(PageNumberPagination)
def campaigns(request: HttpRequest) -> object:
    return selectors.campaign_list()


@router.get("/campaigns/{slug}", response=CampaignOut, summary="One campaign edition")
def campaign(request: HttpRequest, slug: str) -> object:
    return get_object_or_404(selectors.campaign_list(), slug=slug)


@router.get("/campaigns/{slug}/faqs", response=list[FaqOut], summary="A campaign's FAQs, in order")
@paginate(PageNumberPagination)
def campaign_faqs(request: HttpRequest, slug: str) -> object:
    campaign = get_object_or_404(selectors.campaign_list(), slug=slug)
    return selectors.faq_list(campaign=campaign)


@router.get("/faqs", response=list[FaqOut], summary="Every FAQ, newest campaign first")
@paginate(PageNumberPagination)
def faqs(request: HttpRequest) -> object:
    return selectors.faq_list(campaign=None)


@router.get("/publications", response=list[PublicationOut], summary="Publications, newest first")
@paginate(PageNumberPagination)
def publications(request: HttpRequest) -> object:
    return selectors.publication_list()


@router.get("/publications/{slug}", response=PublicationOut, summary="One publication")
def publication(request: HttpRequest, slug: str) -> object:
    return get_object_or_404(selectors.publication_list(), slug=slug)
