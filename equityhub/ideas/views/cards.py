"""An idea as a row of a list: everything its card shows, worked out in Python.

The ideas list is the busiest page on the site, so its template only prints what these
functions prepare: no lookups, translations or URL reversing per row.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import ngettext

from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import localized
from equityhub.ideas import rules, selectors
from equityhub.ideas.models import Idea, Level, Status, Theme

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
        return ngettext("%(count)d supporter", "%(count)d supporters", self.count) % {
            "count": self.count
        }


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


def theme_names(themes: list[Theme]) -> dict[int, ThemeName]:
    names = {}
    for theme in themes:
        name = localized(theme, "name")
        names[theme.pk] = ThemeName(name.text, name.language if name.is_fallback else "")
    return names


# A stand-in id: the detail address is built once per page and the id put in per row.
_PK_MARK = "987654321"


def idea_cards(
    ideas: list[Idea], *, campaign: Campaign, themes: dict[int, ThemeName], viewer: Any
) -> list[IdeaCard]:
    """The rows of a page, in Python: the template then only prints them.

    This is the busiest loop on the site, so what is the same for every row (labels, the
    address pattern, a day's formatted date) is worked out once.
    """
    levels: dict[str, str] = {value: str(label) for value, label in Level.choices}
    statuses: dict[str, str] = {value: str(label) for value, label in Status.choices}
    url_pattern = reverse("ideas:detail", kwargs={"pk": _PK_MARK})
    dates: dict[Any, str] = {}
    is_member = rules.is_member(viewer)
    idea_ids = [idea.pk for idea in ideas]
    supported = (
        selectors.viewer_state(user=viewer, idea_ids=idea_ids).supported
        if is_member
        else frozenset()
    )
    # `themes` is in the page's order of themes: each card lists its own in that order.
    theme_ids = selectors.theme_ids_of(idea_ids)
    no_themes: set[int] = set()
    cards = []
    for idea in ideas:
        idea.campaign = campaign
        created = timezone.localtime(idea.created_at)
        day = created.date()
        if day not in dates:
            dates[day] = formats.date_format(created, "j F Y")
        support = None
        if is_member:
            support = SupportState(
                pk=idea.pk,
                title=idea.title,
                count=idea.support_count,
                supported=idea.pk in supported,
                may_support=rules.can_support_idea(viewer, idea),
            )
        cards.append(
            IdeaCard(
                url=url_pattern.replace(_PK_MARK, str(idea.pk)),
                title=idea.title,
                lang=idea.language,
                level=levels.get(idea.level, idea.level),
                themes=[
                    name for pk, name in themes.items() if pk in theme_ids.get(idea.pk, no_themes)
                ],
                status=statuses.get(idea.status, idea.status),
                tag=STATUS_TAGS.get(idea.status, ""),
                supports=ngettext("%(count)d supporter", "%(count)d supporters", idea.support_count)
                % {"count": idea.support_count},
                comments=ngettext("%(count)d comment", "%(count)d comments", idea.comment_count)
                % {"count": idea.comment_count},
                author=idea.public_author_name(),
                created=dates[day],
                created_iso=created.isoformat(),
                support=support,
            )
        )
    return cards
