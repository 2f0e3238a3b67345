"""The Atom feed of a campaign's new ideas, with the list's filters."""

import re
from dataclasses import replace
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from equityhub.core.cache import public_page_cache
from equityhub.core.i18n import localized
from equityhub.ideas import selectors
from equityhub.ideas.forms import IdeaFilterForm
from equityhub.ideas.models import Idea
from equityhub.ideas.selectors import Sort
from equityhub.ideas.views.cards import theme_names
from equityhub.ideas.views.lists import campaign_or_404, feed_query

FEED_ITEMS = 50
# Characters XML 1.0 cannot hold. Member text may contain them (pasted or sent through the
# API), and one of them would otherwise break the whole feed.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


@method_decorator(public_page_cache, name="__call__")
class IdeaFeed(Feed):
    """Anyone: an Atom feed of a campaign's newest public ideas, with the list's filters.

    One instance serves every request, so what a request finds travels in `obj`, never on self.
    """

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        themes = list(selectors.theme_list())
        form = IdeaFilterForm(request.GET, themes=themes)
        campaign = campaign_or_404(form)
        filters = replace(form.filters(campaign=campaign), sort=Sort.NEWEST)
        ideas = list(selectors.idea_list(filters)[:FEED_ITEMS])
        names = theme_names(themes)
        categories = {
            idea.pk: [names[t.pk].text for t in idea.themes.all() if t.pk in names]
            for idea in ideas
        }
        return {
            "campaign": campaign,
            "ideas": ideas,
            "categories": categories,
            "query": feed_query(request),
        }

    def title(self, obj: dict[str, Any]) -> str:
        return _("Ideas for %(campaign)s") % {"campaign": localized(obj["campaign"], "title")}

    def subtitle(self, obj: dict[str, Any]) -> str:
        return _("The newest ideas that members have shared on EquityHub.")

    def link(self, obj: dict[str, Any]) -> str:
        url = reverse("ideas:list")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def feed_url(self, obj: dict[str, Any]) -> str:
        url = reverse("ideas:feed")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def items(self, obj: dict[str, Any]) -> list[tuple[Idea, list[str]]]:
        return [(idea, obj["categories"][idea.pk]) for idea in obj["ideas"]]

    def item_title(self, item: tuple[Idea, list[str]]) -> str:
        return xml_text(item[0].title)

    def item_description(self, item: tuple[Idea, list[str]]) -> str:
        return xml_text(str(item[0].body_html))

    def item_link(self, item: tuple[Idea, list[str]]) -> str:
        return item[0].get_absolute_url()

    def item_author_name(self, item: tuple[Idea, list[str]]) -> str:
        return xml_text(item[0].public_author_name())

    def item_pubdate(self, item: tuple[Idea, list[str]]) -> Any:
        return item[0].created_at

    def item_updateddate(self, item: tuple[Idea, list[str]]) -> Any:
        return item[0].updated_at

    def item_categories(self, item: tuple[Idea, list[str]]) -> list[str]:
        return [xml_text(name) for name in item[1]]
