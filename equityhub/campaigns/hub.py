"""The "Ways to take part" section of the hub page, kept as data.

Each way names the page that serves it by URL name. A way whose feature is not built yet has
`url_name=None` and shows as "coming soon" without a link; when the feature arrives, give its
URL name here and the hub links to it. Nothing else needs to change.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Way:
    key: str
    title: str | Promise
    description: str | Promise
    url_name: str | None = None


@dataclass(frozen=True, slots=True)
class WayLink:
    key: str
    title: str | Promise
    description: str | Promise
    url: str | None

    @property
    def is_available(self) -> bool:
        return self.url is not None


WAYS_TO_TAKE_PART: tuple[Way, ...] = (
    Way(
        key="ideas",
        title=_("Ideas Platform"),
        description=_(
            "Suggest what individuals, the profession, the College and governments could do "
            "about health inequity, and back the ideas of colleagues."
        ),
        url_name="ideas:list",
    ),
    Way(
        key="toolkit",
        title=_("CPD toolkit"),
        description=_(
            "Reflect on what you know about health equity and what the week teaches you, and "
            "keep a record of it for your continuing professional development."
        ),
    ),
    Way(
        key="resources",
        title=_("Campaign resources"),
        description=_(
            "Graphics for social media and a printable sheet for your own example, in English "
            "and in Welsh."
        ),
    ),
    Way(
        key="events",
        title=_("Event recordings"),
        description=_(
            "Catch up on the week's events, with captions and transcripts, if you could not "
            "join them live."
        ),
    ),
    Way(
        key="wall",
        title=_("Social wall"),
        description=_(
            "See what occupational therapists are posting with the campaign hashtag, and add "
            "a story of your own."
        ),
    ),
    Way(
        key="faqs",
        title=_("Frequently asked questions"),
        description=_(
            "Short answers about the campaign, using the week for your CPD, and what happens "
            "once the week is over."
        ),
        url_name="campaigns:faqs",
    ),
    Way(
        key="report",
        title=_("Reports and publications"),
        description=_(
            "The reports published for the campaign, with what they call for, to read online "
            "or download."
        ),
        url_name="campaigns:publications",
    ),
    Way(
        key="search",
        title=_("Search"),
        description=_("Find campaigns, questions and publications in English or Welsh."),
        url_name="campaigns:search",
    ),
)


def ways_to_take_part(ways: tuple[Way, ...] = WAYS_TO_TAKE_PART) -> list[WayLink]:
    """Each way with its URL in the active language, or None while its feature is missing."""
    links = []
    for way in ways:
        url = None
        if way.url_name is not None:
            try:
                url = reverse(way.url_name)
            except NoReverseMatch:
                # A URL name given before its app is installed reads as "coming soon", not a 500.
                url = None
        links.append(WayLink(key=way.key, title=way.title, description=way.description, url=url))
    return links
