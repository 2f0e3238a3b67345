"""Reads for the Ideas Platform. Each returns what one page or endpoint needs in a fixed number
of queries, however many ideas, supports and comments there are."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Sum,
)
from django.db.models.functions import Mod

from equityhub.campaigns.models import Campaign
from equityhub.core.search import matching_any, ranked_ids
from equityhub.ideas import gaps, listing, page_reads, rules
from equityhub.ideas.models import (
    PUBLIC_STATUSES,
    READABLE_STATUSES,
    Comment,
    Follow,
    Idea,
    IdeaQuerySet,
    Level,
    NotificationPreference,
    Support,
    Theme,
)
from equityhub.ideas.page_reads import CommentRow, Thread, as_threads, shown_comments
from equityhub.ideas.search import matching_ideas

SIMILAR_LIMIT = 5
RANDOM_MODULUS = listing.RANDOM_MODULUS
RANDOM_MULTIPLIER = listing.RANDOM_MULTIPLIER


class Sort:
    NEWEST = "newest"
    SUPPORTED = "supported"
    DISCUSSED = "discussed"
    ACTIVE = "active"
    RANDOM = "random"


ORDERINGS = listing.ORDERINGS


@dataclass(frozen=True, slots=True)
class IdeaFilters:
    campaign: Campaign
    levels: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # theme slugs
    statuses: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    query: str = ""
    sort: str = Sort.NEWEST
    seed: int = 0


def theme_list() -> QuerySet[Theme]:
    return Theme.objects.order_by("position", "slug")


def campaign_and_themes(slug: str | None = None) -> tuple[Campaign | None, list[listing.ThemeRow]]:
    """`campaign_for_ideas(slug)` and every theme as `theme_list()` orders them, read together
    in SQL written once: the list needs both, first, on every request."""
    return listing.campaign_and_themes(slug)


def _with_themes(ideas: IdeaQuerySet) -> IdeaQuerySet:
    """Each idea's themes in the order of the theme list (one more query)."""
    return ideas.prefetch_related(Prefetch("themes", queryset=theme_list()))


def campaign_for_ideas(slug: str | None = None) -> Campaign | None:
    """The campaign a list or form is about: the one named, else the current edition (in SQL
    written once: it is read on every request of the busiest pages)."""
    return listing.campaign(slug)


def _for_cards(ideas: IdeaQuerySet) -> IdeaQuerySet:
    """What an idea card shows: its author (for the name) and its themes, in 2 queries."""
    return _with_themes(ideas.select_related("author"))


def idea_list(filters: IdeaFilters) -> IdeaQuerySet:
    """Public ideas of a campaign, filtered and sorted, with their authors and themes; slice
    it for a page.

    Withdrawn ideas are readable but listed only when asked for by status.
    """
    return _for_cards(_listed(filters))


def idea_card_page(filters: IdeaFilters, *, number: Any, per_page: int) -> Page[Any]:
    """Page `number` of the web list, as `listing.CardRow`s, in two queries."""
    return listing.card_page(filters, number=number, per_page=per_page)


def _listed(filters: IdeaFilters) -> IdeaQuerySet:
    ideas = Idea.objects.filter(campaign=filters.campaign)
    statuses = [s for s in filters.statuses if s in READABLE_STATUSES]
    ideas = ideas.filter(status__in=statuses or PUBLIC_STATUSES)
    if filters.levels:
        ideas = ideas.filter(level__in=filters.levels)
    if filters.languages:
        ideas = ideas.filter(language__in=filters.languages)
    if filters.themes:
        # A subquery, not a join: an idea with two chosen themes is still listed once.
        ideas = ideas.filter(
            pk__in=Idea.themes.through.objects.filter(theme__slug__in=filters.themes).values(
                "idea_id"
            )
        )
    order = ORDERINGS.get(filters.sort, ORDERINGS[Sort.NEWEST])
    if filters.query:
        # The list has its own order, so the search only says which ideas match.
        ideas = ideas.filter(matching_any(matching_ideas(filters.query)))
    if filters.sort == Sort.RANDOM:
        shuffled = Mod((F("id") + filters.seed) * RANDOM_MULTIPLIER, RANDOM_MODULUS)
        return ideas.order_by(shuffled.asc(), "pk")
    return ideas.order_by(*order)


def ideas_by_rank(ideas: IdeaQuerySet, ranked: list[int]) -> list[Idea]:
    """`ideas` (already filtered to `ranked`) in the order of `ranked`."""
    position = {pk: i for i, pk in enumerate(ranked)}
    return sorted(ideas, key=lambda idea: position.get(idea.pk, len(position)))


# A campaign's long Markdown texts in each language: pages about its ideas never show them.
_CAMPAIGN_TEXTS = tuple(
    f"campaign__{name}{suffix}"
    for name in ("summary", "body", "why_health_equity", "why_occupational_therapists")
    for suffix in ("", "_en", "_cy")
)


def idea_for_page(*, pk: int) -> Idea | None:
    """One idea with its author, campaign and themes, for the API and the page's forms (two
    queries); None if there is none."""
    ideas = Idea.objects.select_related("campaign", "author").defer(*_CAMPAIGN_TEXTS)
    return _with_themes(ideas.filter(pk=pk)).first()


def idea_for_detail(*, pk: int) -> Idea | None:
    """One idea with its author and campaign, for its page, which reads its themes as rows
    (`idea_theme_rows()`); in SQL, see page_reads. None if there is none."""
    return page_reads.idea(pk)


def idea_timeline(*, idea: Idea) -> list[page_reads.HistoryRow]:
    """The idea's history for its page, each step with its actor's name (see page_reads)."""
    return page_reads.timeline(idea)


def idea_threads(*, idea: Idea, viewer: Any) -> list[Thread[Comment]]:
    """The idea's discussion as threads, for the API (one query): the comments
    `page_reads.shown_comments()` lets the viewer see, with their authors."""
    comments = Comment.objects.filter(idea=idea).filter(shown_comments(viewer).as_q())
    return as_threads(list(comments.select_related("author").order_by("created_at", "pk")))


def idea_discussion(*, idea: Idea, viewer: Any) -> list[Thread[CommentRow]]:
    """The idea's discussion as threads, for its page (one statement; see page_reads)."""
    return page_reads.discussion(idea=idea, viewer=viewer)


def idea_theme_rows(*, idea: Idea) -> list[listing.ThemeRow]:
    """The idea's themes, in the order pages list them, for its page (one statement)."""
    return page_reads.idea_themes(idea)


@dataclass(frozen=True, slots=True)
class Viewer:
    """What the signed-in member has done to a set of ideas: for buttons' states."""

    supported: frozenset[int]
    followed: frozenset[int]


def viewer_state(*, user: Any, idea_ids: list[int]) -> Viewer:
    """Which of `idea_ids` the member supports and follows (two queries; none when signed out)."""
    if not rules.is_member(user) or not idea_ids:
        return Viewer(supported=frozenset(), followed=frozenset())
    supported = Support.objects.filter(user=user, idea_id__in=idea_ids).values_list(
        "idea_id", flat=True
    )
    followed = Follow.objects.filter(user=user, idea_id__in=idea_ids).values_list(
        "idea_id", flat=True
    )
    return Viewer(supported=frozenset(supported), followed=frozenset(followed))


def similar_ideas(*, campaign: Campaign, text: str, exclude: int | None = None) -> list[Idea]:
    """Up to five public ideas of the campaign whose words overlap `text`, closest first."""
    ranked = ranked_ids(Idea, text, any_word=True, limit=SIMILAR_LIMIT * 4)
    if exclude is not None:
        ranked = [pk for pk in ranked if pk != exclude]
    ideas = Idea.objects.public().filter(campaign=campaign, pk__in=ranked).select_related("author")
    return ideas_by_rank(ideas, ranked)[:SIMILAR_LIMIT]


def notification_preference(*, user: Any) -> NotificationPreference:
    """The member's email choices; an unsaved row with every kind on when they have made none."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)


def followed_ideas(*, user: Any) -> QuerySet[Idea]:
    """The ideas the member follows, most recently followed first."""
    return (
        Idea.objects.filter(follows__user=user)
        .select_related("campaign")
        .order_by("-follows__created_at", "-pk")
    )


# The gap map (gaps.py) ---------------------------------------------------------------------


def gap_tally(*, campaign: Campaign) -> gaps.Tally:
    """A campaign's public ideas counted by theme and level, and by level (two queries)."""
    pairs = (
        Idea.themes.through.objects.filter(
            idea__campaign=campaign, idea__status__in=PUBLIC_STATUSES
        )
        .values_list("theme__slug", "idea__level")
        .annotate(
            idea_total=Count("idea_id"),
            support_total=Sum("idea__support_count"),
            comment_total=Sum("idea__comment_count"),
        )
        .order_by()
    )
    has_theme = Exists(Idea.themes.through.objects.filter(idea_id=OuterRef("pk")))
    levels = (
        Idea.objects.public()
        .filter(campaign=campaign)
        .annotate(has_theme=has_theme)
        .values_list("level", "has_theme")
        .annotate(
            idea_total=Count("pk"),
            support_total=Sum("support_count"),
            comment_total=Sum("comment_count"),
        )
        .order_by()
    )
    by_level: dict[str, gaps.Counts] = {}
    unthemed: dict[str, gaps.Counts] = {}
    for level, themed, *counts in levels:
        found = gaps.Counts(*counts)
        by_level[level] = by_level.get(level, gaps.ZERO) + found
        if not themed:
            unthemed[level] = found
    return gaps.Tally(
        cells={(slug, level): gaps.Counts(*counts) for slug, level, *counts in pairs},
        unthemed=unthemed,
        levels=by_level,
    )


def gap_map(
    *, campaign: Campaign, themes: Sequence[Theme], previous: Campaign | None = None
) -> gaps.GapMap:
    """The campaign's gap map over `themes` and the four levels; with `previous`, that
    edition's counts beside it (two queries per edition)."""
    return gaps.gap_map(
        gap_tally(campaign=campaign),
        themes=[theme.slug for theme in themes],
        levels=Level.values,
        previous=gap_tally(campaign=previous) if previous is not None else None,
    )


def previous_edition(*, campaign: Campaign) -> Campaign | None:
    """The published edition of the latest year before the campaign's (one query)."""
    return (
        Campaign.objects.published()
        .filter(year__lt=campaign.year)
        .order_by("-year", "-starts_on", "-pk")
        .first()
    )


def campaigns_with_ideas() -> list[Campaign]:
    """Published editions that have public ideas, newest first (one query)."""
    public = Idea.objects.public().filter(campaign=OuterRef("pk"))
    return list(Campaign.objects.published().filter(Exists(public)).order_by("-year", "-pk"))
