"""Campaign pages. Every view here is public: anyone may read them."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from equityhub.campaigns import selectors
from equityhub.campaigns.forms import FaqFilterForm, SearchForm
from equityhub.core.i18n import active_language
from equityhub.core.search import search


@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    campaign = selectors.campaign_current()
    if campaign is not None:
        campaign = selectors.campaign_get(slug=campaign.slug)
    return render(request, "campaigns/hub.html", {"campaign": campaign})


@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(request, "campaigns/campaign_list.html", {"campaigns": selectors.campaign_list()})


@require_GET
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_get(slug=slug)
    if campaign is None:
        raise Http404
    return render(request, "campaigns/campaign_detail.html", {"campaign": campaign})


@require_GET
def faq_list(request: HttpRequest) -> HttpResponse:
    form = FaqFilterForm(request.GET or None, campaigns=selectors.campaign_list())
    campaign = form.cleaned_campaign() if form.is_bound and form.is_valid() else None
    if campaign is None and not form.is_bound:
        campaign = selectors.campaign_current()
    return render(
        request,
        "campaigns/faq_list.html",
        {"form": form, "campaign": campaign, "faqs": selectors.faq_list(campaign=campaign)},
    )


@require_GET
def publication_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "campaigns/publication_list.html", {"publications": selectors.publication_list()}
    )


@require_GET
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    publication = selectors.publication_get(slug=slug)
    if publication is None:
        raise Http404
    return render(request, "campaigns/publication_detail.html", {"publication": publication})


@require_GET
def site_search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = []
    if form.is_bound and form.is_valid():
        results = search(form.cleaned_data["q"], language=active_language())
    template = "campaigns/search.html#results" if request.htmx else "campaigns/search.html"
    return render(request, template, {"form": form, "results": results})
