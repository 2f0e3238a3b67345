"""Read-only campaign endpoints; public. Text comes in the language of the URL (/cy/api/v1/…).

Where a Welsh field is still empty, the English is returned and `language` says so.
"""

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from equityhub.api.errors import ErrorOut
from equityhub.api.pagination import Pagination
from equityhub.campaigns import selectors
from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.core.i18n import active_language, localized

router = Router(tags=["campaigns"])


def _absolute(context: Any, path: str) -> str:
    request: HttpRequest = context["request"]
    return request.build_absolute_uri(path)


# Translated fields (title, summary, question…) need no resolver: django-modeltranslation's
# attribute already gives the active language, falling back to English.
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
    language: str
    url: str

    @staticmethod
    def resolve_language(obj: Campaign) -> str:
        # The language of the text as a whole: English if the Welsh title or summary is missing.
        languages = {localized(obj, field).language for field in ("title", "summary")}
        return "en" if "en" in languages else active_language()

    @staticmethod
    def resolve_url(obj: Campaign, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


class CampaignDetailOut(CampaignOut):
    body: str
    why_health_equity: str
    why_occupational_therapists: str


class FaqOut(Schema):
    id: int
    campaign: str
    question: str
    answer: str
    position: int

    @staticmethod
    def resolve_campaign(obj: Faq) -> str:
        return obj.campaign.slug


class PublicationOut(Schema):
    slug: str
    title: str
    summary: str
    published_on: date
    campaign: str | None
    file_url: str | None
    file_format: str | None
    file_size: int | None
    link: str | None
    url: str

    @staticmethod
    def resolve_campaign(obj: Publication) -> str | None:
        return obj.campaign.slug if obj.campaign else None

    @staticmethod
    def resolve_file_url(obj: Publication, context: Any) -> str | None:
        return _absolute(context, obj.file.url) if obj.file else None

    @staticmethod
    def resolve_file_format(obj: Publication) -> str | None:
        return obj.file_format or None

    @staticmethod
    def resolve_link(obj: Publication) -> str | None:
        return obj.link or None

    @staticmethod
    def resolve_url(obj: Publication, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


def _campaign_or_404(slug: str) -> Campaign:
    campaign = selectors.campaign_list().filter(slug=slug).first()
    if campaign is None:
        raise HttpError(404, _("There is no campaign with that slug."))
    return campaign


@router.get("/campaigns", response=list[CampaignOut], summary="All campaign editions")
@paginate(Pagination)
def campaigns(request: HttpRequest) -> object:
    return selectors.campaign_list()


@router.get(
    "/campaigns/{slug}",
    response={200: CampaignDetailOut, 404: ErrorOut},
    summary="One campaign edition, with its long text (Markdown)",
)
def campaign(request: HttpRequest, slug: str) -> object:
    return _campaign_or_404(slug)


@router.get(
    "/campaigns/{slug}/faqs",
    response={200: list[FaqOut], 404: ErrorOut},
    summary="A campaign's FAQs, in order",
)
@paginate(Pagination)
def campaign_faqs(request: HttpRequest, slug: str) -> object:
    return selectors.faq_list(campaign=_campaign_or_404(slug))


@router.get("/faqs", response=list[FaqOut], summary="Every FAQ, newest campaign first")
@paginate(Pagination)
def faqs(request: HttpRequest) -> object:
    return selectors.faq_list(campaign=None)


@router.get("/publications", response=list[PublicationOut], summary="Publications, newest first")
@paginate(Pagination)
def publications(request: HttpRequest) -> object:
    return selectors.publication_list()


@router.get(
    "/publications/{slug}",
    response={200: PublicationOut, 404: ErrorOut},
    summary="One publication",
)
def publication(request: HttpRequest, slug: str) -> object:
    found = selectors.publication_get(slug=slug)
    if found is None:
        raise HttpError(404, _("There is no publication with that slug."))
    return found
