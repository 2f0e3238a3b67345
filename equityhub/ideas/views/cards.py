"""An idea as a row of a list: everything its card shows, worked out in Python.

The ideas list is the busiest page on the site, so its template only prints what these
functions prepare: no lookups, translations or URL reversing per row.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext

from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import choice_labels, localized, long_date
from equityhub.core.memo import TRANSLATION_SETTINGS, forgotten_when_changed
from equityhub.ideas import rules, selectors
from equityhub.ideas.listing import ThemeRow
from equityhub.ideas.models import Idea, Level, Status, Theme, public_display_name

# The colour of each status's tag (GOV.UK Frontend tag modifiers).
STATUS_TAGS: dict[str, str] = {
    Status.PENDING: "govuk-tag--yellow",
    Status.PUBLISHED: "govuk-tag--blue",
    Status.UNDER_CONSIDERATION: "govuk-tag--light-blue",
    Status.ACCEPTED: "govuk-tag--green",
    Status.NOT_TAKEN_FORWARD: "govuk-tag--orange",
    Status.IN_ACTION_PLAN: "govuk-tag--purple",
    Status.IMPLEMENTED: "govuk-tag--turquoise",
    Status.WITHDRAWN: "govuk-tag--grey",
    Status.HIDDEN: "govuk-tag--red",
    Status.REJECTED: "govuk-tag--red",
    Status.MERGED: "govuk-tag--grey",
}


@dataclass(frozen=True, slots=True)
class ThemeName:
    text: str
    lang: str  # "" unless the name is the English shown on a Welsh page


@dataclass(frozen=True, slots=True)
class SupportState:
    """What the support button of one idea shows."""

    pk: int
    title: str
    count: int
    supported: bool
    may_support: bool

    @property
    def count_text(self) -> str:
        return _supporters(self.count, get_language())


@dataclass(frozen=True, slots=True)
class IdeaCard:
    """One row of the list, with every text already in the page's language."""

    url: str
    title: str
    lang: str  # the language the idea is written in
    level: str
    themes: list[ThemeName]
    status: str
    tag: str
    supports: str
    comments: str
    author: str
    created: str
    created_iso: str
    support: SupportState | None


def theme_names(themes: Sequence[Theme | ThemeRow]) -> dict[int, ThemeName]:
    names = {}
    for theme in themes:
        name = localized(theme, "name")
        names[theme.pk] = ThemeName(name.text, name.language if name.is_fallback else "")
    return names


# A stand-in id: the detail address is built once per page and the id put in per row.
_PK_MARK = "987654321"


def idea_cards(
    rows: Sequence[Any], *, campaign: Campaign, themes: dict[int, ThemeName], viewer: Any
) -> list[IdeaCard]:
    """The cards of a page, from `listing.CardRow`s: the template only prints them.

    This is the busiest loop on the site, so what is the same for many rows (labels, the
    address pattern, a day's date, a count's words) is worked out once.
    """
    levels = choice_labels(Level)
    statuses = choice_labels(Status)
    url_pattern = reverse("ideas:detail", kwargs={"pk": _PK_MARK})
    language = get_language()
    zone = timezone.get_current_timezone()
    is_member = rules.is_member(viewer)
    supported = (
        selectors.viewer_state(user=viewer, idea_ids=[row.pk for row in rows]).supported
        if is_member
        else frozenset()
    )
    cards = []
    for row in rows:
        created = row.created_at.astimezone(zone)
        support = None
        if is_member:
            idea = Idea(pk=row.pk, author_id=row.author_id, status=row.status, campaign=campaign)
            support = SupportState(
                pk=row.pk,
                title=row.title,
                count=row.support_count,
                supported=row.pk in supported,
                may_support=rules.can_support_idea(viewer, idea),
            )
        own_themes = set(row.theme_ids.split(",")) if row.theme_ids else ()
        cards.append(
            IdeaCard(
                url=url_pattern.replace(_PK_MARK, str(row.pk)),
                title=row.title,
                lang=row.language,
                level=levels.get(row.level, row.level),
                # In the order of `themes`, the page's order of themes.
                themes=[name for pk, name in themes.items() if str(pk) in own_themes],
                status=statuses.get(row.status, row.status),
                tag=STATUS_TAGS.get(row.status, ""),
                supports=_supporters(row.support_count, language),
                comments=_comments(row.comment_count, language),
                author=public_display_name(row.author_name, show_name=row.show_name),
                created=long_date(created.date()),
                created_iso=created.isoformat(),
                support=support,
            )
        )
    return cards


# The words a card uses for a count, in a language: the same few hundred on every
# page, so each is worked out once per process rather than on every row.


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=1024)
def _supporters(count: int, language: str | None) -> str:
    return ngettext("%(count)d supporter", "%(count)d supporters", count) % {"count": count}


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=1024)
def _comments(count: int, language: str | None) -> str:
    return ngettext("%(count)d comment", "%(count)d comments", count) % {"count": count}
