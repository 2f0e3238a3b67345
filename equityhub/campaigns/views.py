"""Campaign pages. Every view here is public: anyone, signed in or not, may read them."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from equityhub.campaigns import selectors
from equityhub.campaigns.forms import FaqFilterForm, SearchForm
from equityhub.campaigns.hub import ways_to_take_part
from equityhub.core.i18n import active_language
from equityhub.core.search import SearchResult, search


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    """Anyone: the current edition's hub page, or a pointer to past editions when none is."""
    return render(
        request,
        "campaigns/hub.html",
        {"campaign": selectors.campaign_current(), "ways": ways_to_take_part()},
    )


@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    """Anyone: every published edition, newest first."""
    return render(
        request, "campaigns/campaign_list.html", {"campaigns": list(selectors.campaign_list())}
    )


@require_GET
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone: one published edition with its FAQs and publications."""
    campaign = selectors.campaign_get(slug=slug)
    if campaign is None:
        raise Http404
    return render(request, "campaigns/campaign_detail.html", {"campaign": campaign})


@require_GET
def faq_list(request: HttpRequest) -> HttpResponse:
    """Anyone: FAQs grouped by edition, optionally narrowed to one edition."""
    form = FaqFilterForm(request.GET or None, campaigns=selectors.campaign_list())
    campaign = form.cleaned_campaign() if form.is_bound and form.is_valid() else None
    return render(
        request,
        "campaigns/faq_list.html",
        {"form": form, "campaign": campaign, "faqs": list(selectors.faq_list(campaign=campaign))},
    )


@require_GET
def publication_list(request: HttpRequest) -> HttpResponse:
    """Anyone: every publication, newest first."""
    return render(
        request,
        "campaigns/publication_list.html",
        {"publications": list(selectors.publication_list())},
    )


@require_GET
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone: one publication, with its file or link."""
    publication = selectors.publication_get(slug=slug)
    if publication is None:
        raise Http404
    return render(request, "campaigns/publication_detail.html", {"publication": publication})


@require_GET
@vary_on_headers("HX-Request")
def site_search(request: HtmxHttpRequest) -> HttpResponse:
    """Anyone: search public content in the page's language.

    htmx requests (typing in the box) get only the results region; a restored history entry
    gets the whole page, because htmx swaps it in as a page.
    """
    form = SearchForm(request.GET or None)
    query = ""
    results: list[SearchResult] = []
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        results = search(query, language=active_language())
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "campaigns/search.html#results" if partial else "campaigns/search.html"
    return render(request, template, {"form": form, "query": query, "results": results})
