"""The list of a campaign's ideas, with its filters, search, order and pages."""

import random

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from equityhub.campaigns.models import Campaign
from equityhub.core.cache import public_page_cache
from equityhub.ideas import rules, selectors
from equityhub.ideas.forms import IdeaFilterForm, campaign_slug
from equityhub.ideas.selectors import RANDOM_MODULUS, Sort
from equityhub.ideas.views.cards import idea_cards, theme_names
from equityhub.ideas.views.common import HtmxHttpRequest, wants_partial

PER_PAGE = 20
SEED_COOKIE = "ideas_seed"
SEED_COOKIE_AGE = 60 * 60 * 24 * 7


def campaign_or_404(form: IdeaFilterForm) -> Campaign:
    campaign = selectors.campaign_for_ideas(form.value("campaign") or None)
    if campaign is None:
        raise Http404(_("There is no campaign with that name."))
    return campaign


def _seed(request: HttpRequest) -> tuple[int, bool]:
    """The visitor's shuffle, kept in a cookie; True when it is new and must be sent."""
    try:
        seed = int(request.COOKIES.get(SEED_COOKIE, ""))
    except ValueError:
        seed = 0
    if 0 < seed < RANDOM_MODULUS:
        return seed, False
    # An order, not a secret: the standard generator is enough.
    return random.randrange(1, RANDOM_MODULUS), True


@public_page_cache
@require_GET
@vary_on_headers("HX-Request")
def idea_list(request: HtmxHttpRequest) -> HttpResponse:
    """Anyone: a campaign's ideas, filtered, searched, sorted and 20 to a page.

    htmx requests (a filter changed, another page) get only the results region; a restored
    history entry gets the whole page. Members also get support buttons.
    """
    slug = campaign_slug(request.GET)
    campaign, themes = selectors.campaign_and_themes(slug)
    if campaign is None:
        if slug:
            raise Http404(_("There is no campaign with that name."))
        return render(request, "ideas/idea_unavailable.html", {"reason": "no_campaign"})
    form = IdeaFilterForm(request.GET, themes=themes)
    seed, new_seed = 0, False
    if form.sort_value == Sort.RANDOM:
        seed, new_seed = _seed(request)
    page = selectors.idea_card_page(
        form.filters(campaign=campaign, seed=seed),
        number=request.GET.get("page"),
        per_page=PER_PAGE,
    )
    cards = idea_cards(
        list(page.object_list), campaign=campaign, themes=theme_names(themes), viewer=request.user
    )
    groups = form.groups()
    context = {
        "form": form,
        "sort_group": form.group("sort"),
        "filter_groups": groups,
        "filters_active": any(g.errors or any(o.checked for o in g.options) for g in groups),
        "campaign": campaign,
        "page": page,
        "cards": cards,
        "count_text": ngettext("%(counter)s idea", "%(counter)s ideas", page.paginator.count)
        % {"counter": page.paginator.count},
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "ideas_open": campaign.ideas_are_open(),
        "feed_query": feed_query(request),
        "can_export": rules.can_export_ideas(request.user),
    }
    template = "ideas/idea_list_results.html" if wants_partial(request) else "ideas/idea_list.html"
    # Straight to the Jinja2 engine: the Django one, listed first, would look and fail each time.
    response = render(request, template, context, using="jinja2")
    if form.sort_value == Sort.RANDOM:
        # The order belongs to this visitor: no shared cache may keep it.
        response["Cache-Control"] = "private"
        patch_vary_headers(response, ["Cookie"])
        if new_seed:
            response.set_cookie(
                SEED_COOKIE,
                str(seed),
                max_age=SEED_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
    return response


def feed_query(request: HttpRequest) -> str:
    """The list's filters as a query string for the feed (page and order do not apply)."""
    query = request.GET.copy()
    for key in ("page", "sort"):
        query.pop(key, None)
    return query.urlencode()
