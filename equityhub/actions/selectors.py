"""Reads for the action plan. Each returns what one page, export or endpoint needs in a fixed
number of queries, however many actions and ideas there are."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from equityhub.actions import rules
from equityhub.actions.models import (
    PUBLISHED_STATUSES,
    Action,
    ActionComment,
    ActionIdea,
    ActionQuerySet,
    ActionStatus,
    LevelRoute,
    ProgressUpdate,
    Team,
)
from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import choice_labels
from equityhub.core.search import matching
from equityhub.core.sql import placeholders
from equityhub.ideas.models import PUBLIC_STATUSES, Idea, IdeaQuerySet, Level, Status
from equityhub.ideas.selectors import theme_list


def _idea_links() -> Prefetch[Any]:
    """The ideas behind actions, public ones only, each with its note."""
    return Prefetch(
        "idea_links",
        queryset=ActionIdea.objects.filter(idea__status__in=PUBLIC_STATUSES)
        .select_related("idea")
        .only(
            "action_id",
            "note",
            "linked_at",
            "idea__id",
            "idea__title",
            "idea__language",
            "idea__status",
            "idea__support_count",
        )
        .order_by("linked_at", "pk"),
        to_attr="public_links",
    )


def plan_actions(campaign: Campaign, *, include_drafts: bool = False) -> ActionQuerySet:
    """The campaign's actions with their team, themes and public ideas (three queries)."""
    actions = Action.objects.filter(campaign=campaign)
    if not include_drafts:
        actions = actions.published()
    return (
        actions.select_related("team")
        .prefetch_related(Prefetch("themes", queryset=theme_list()), _idea_links())
        .order_by("level", "target_date", "pk")
    )


@dataclass(frozen=True, slots=True)
class LevelGroup:
    level: str
    label: str
    actions: list[Action]

    @property
    def done(self) -> int:
        return sum(1 for action in self.actions if action.status == ActionStatus.DONE)


@dataclass(frozen=True, slots=True)
class PlanSummary:
    ideas_received: int
    ideas_shaping_actions: int
    actions: int
    actions_done: int


@dataclass(frozen=True, slots=True)
class Plan:
    campaign: Campaign
    groups: list[LevelGroup]
    summary: PlanSummary
    drafts: list[Action] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(group.actions for group in self.groups)


def group_by_level(actions: Sequence[Action]) -> list[LevelGroup]:
    """The four levels in the campaign's order, each with its actions (maybe none)."""
    by_level: dict[str, list[Action]] = {level: [] for level in Level.values}
    for action in actions:
        by_level[action.level].append(action)
    return [
        LevelGroup(level=level, label=str(Level(level).label), actions=by_level[level])
        for level in Level.values
    ]


def plan_summary(campaign: Campaign) -> PlanSummary:
    """What became of the ideas: two queries."""
    ideas = Idea.objects.filter(campaign=campaign, status__in=PUBLIC_STATUSES).aggregate(
        received=Count("pk", distinct=True),
        shaping=Count(
            "pk",
            distinct=True,
            filter=Q(action_links__action__status__in=PUBLISHED_STATUSES),
        ),
    )
    actions = (
        Action.objects.filter(campaign=campaign)
        .published()
        .aggregate(total=Count("pk"), done=Count("pk", filter=Q(status=ActionStatus.DONE)))
    )
    return PlanSummary(
        ideas_received=ideas["received"],
        ideas_shaping_actions=ideas["shaping"],
        actions=actions["total"],
        actions_done=actions["done"],
    )


def plan_for_campaign(campaign: Campaign, *, viewer: Any = None) -> Plan:
    """The public plan grouped by level, with its summary; editors also get the drafts."""
    actions = list(plan_actions(campaign, include_drafts=rules.can_edit_plan(viewer)))
    published = [action for action in actions if action.is_published]
    drafts = [action for action in actions if not action.is_published]
    return Plan(
        campaign=campaign,
        groups=group_by_level(published),
        summary=plan_summary(campaign),
        drafts=drafts,
    )


def action_for_page(pk: int) -> Action | None:
    """One action with its team, campaign, themes and public ideas."""
    return (
        Action.objects.filter(pk=pk)
        .select_related("team", "campaign")
        .prefetch_related(Prefetch("themes", queryset=theme_list()), _idea_links())
        .first()
    )


def action_timeline(action: Action) -> QuerySet[ProgressUpdate]:
    return ProgressUpdate.objects.filter(action=action).order_by("happened_on", "pk")


def action_comments(action: Action, *, viewer: Any) -> list[ActionComment]:
    """The discussion of a draft: published and removed comments, plus the viewer's own
    comments awaiting review, in threads (top-level comments with `thread_replies`)."""
    visible = Q(state__in=("published", "removed"))
    if viewer is not None and viewer.is_authenticated:
        visible |= Q(author=viewer)
    comments = list(
        ActionComment.objects.filter(visible, action=action)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    top: list[ActionComment] = []
    replies: dict[int, list[ActionComment]] = {}
    for comment in comments:
        if comment.parent_id is None:
            top.append(comment)
        else:
            replies.setdefault(comment.parent_id, []).append(comment)
    for comment in top:
        comment.thread_replies = replies.get(comment.pk, [])  # type: ignore[attr-defined]
    return top


class ActionLink(NamedTuple):
    """A published action an idea fed, as the idea's page shows it."""

    pk: int
    title_en: str | None
    title_cy: str | None
    status: str
    progress: int
    note: str  # how the idea shaped the action

    @property
    def status_label(self) -> str:
        return choice_labels(ActionStatus).get(self.status, "")


def actions_for_idea(idea: Idea) -> list[ActionLink]:
    """The published actions an idea fed, with the note on how: one statement written in SQL,
    as the idea page, one of the busiest, reads it on every view (docs/decisions/0008)."""
    statuses = sorted(PUBLISHED_STATUSES)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, a.title_en, a.title_cy, a.status, a.progress, ai.note"  # noqa: S608
            f" FROM {ActionIdea._meta.db_table} ai"
            f" JOIN {Action._meta.db_table} a ON a.id = ai.action_id"
            f" WHERE ai.idea_id = %s AND a.status IN ({placeholders(statuses)}) ORDER BY a.id",
            [idea.pk, *statuses],
        )
        return [ActionLink(*row) for row in cursor.fetchall()]


def linkable_ideas(action: Action, *, query: str = "", limit: int = 20) -> QuerySet[Idea]:
    """Public ideas of the action's campaign not yet linked to it, for the editor's picker."""
    ideas = (
        Idea.objects.filter(campaign=action.campaign_id, status__in=PUBLIC_STATUSES)
        .exclude(action_links__action=action)
        .only("id", "title", "language", "level", "status", "support_count")
        .order_by("-support_count", "-pk")
    )
    if query.strip():
        ideas = ideas.filter(matching(Idea, query))
    return ideas[:limit]


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("name", "pk")


def level_routes() -> dict[str, Team]:
    """Each level's team (one query); a level nobody owns is missing."""
    return {route.level: route.team for route in LevelRoute.objects.select_related("team")}


# ------------------------------------------------------------------------------------------
# Level routing: the ideas each team has still to answer (the team dashboard and its digest).
#
# An idea waits for the team that owns its level from the moment it is posted until editors
# publish its official response, or it is implemented. Ideas of every published campaign
# count, not only the current edition's: an idea from an earlier year that nobody answered is
# the most overdue of all, and it stays in front of its team instead of dropping out of sight
# when the next edition opens. Each row names its campaign.
# ------------------------------------------------------------------------------------------

AWAITING_STATUSES = PUBLIC_STATUSES - {Status.IMPLEMENTED}
# What a row of the dashboard or the digest shows: no bodies, no responses.
WAITING_FIELDS = (
    "title",
    "language",
    "level",
    "status",
    "support_count",
    "comment_count",
    "created_at",
    "campaign__id",
    "campaign__slug",
    "campaign__year",
    "campaign__title",
    "campaign__title_en",
    "campaign__title_cy",
)


def ideas_awaiting_response() -> IdeaQuerySet:
    """Public ideas of published campaigns, not yet implemented, with no official response."""
    return Idea.objects.filter(
        status__in=AWAITING_STATUSES, official_response="", campaign__is_published=True
    )


def team_waiting_ideas(team: Team) -> IdeaQuerySet:
    """The ideas awaiting a response at the levels the team owns, oldest first, each with its
    campaign: one query for a page of them (and one for the paginator's count)."""
    levels = LevelRoute.objects.filter(team=team).values("level")
    return (
        ideas_awaiting_response()
        .filter(level__in=levels)
        .select_related("campaign")
        .only(*WAITING_FIELDS)
        .order_by("created_at", "pk")
    )


def days_between(start: datetime, end: datetime) -> int:
    """Whole days from `start` to `end`: 0 on the first day, never negative."""
    return max((end - start).days, 0)


@dataclass(frozen=True, slots=True)
class WaitingIdea:
    idea: Idea
    days_waiting: int


def with_days_waiting(ideas: Iterable[Idea], *, now: datetime | None = None) -> list[WaitingIdea]:
    """Each idea with the whole days it has waited since it was posted."""
    now = now or timezone.now()
    return [
        WaitingIdea(idea=idea, days_waiting=days_between(idea.created_at, now)) for idea in ideas
    ]


@dataclass(frozen=True, slots=True)
class TeamWaiting:
    """One team on the dashboard: its levels, the ideas waiting for it and the longest wait."""

    team: Team
    levels: tuple[str, ...]
    waiting: int
    longest_wait: int | None
    is_mine: bool

    @property
    def level_labels(self) -> list[str]:
        return [str(Level(level).label) for level in self.levels]


@dataclass(frozen=True, slots=True)
class TeamBoard:
    """Every team's share of the waiting ideas, and which team answers each level."""

    teams: list[TeamWaiting]
    routes: dict[str, int]  # level -> team id
    unrouted: list[str]  # levels no team answers yet, whose ideas nobody sees here

    def team_for(self, slug: str) -> TeamWaiting | None:
        return next((row for row in self.teams if row.team.slug == slug), None)

    @property
    def default(self) -> TeamWaiting | None:
        """The first team the viewer belongs to, else the first team."""
        return next((row for row in self.teams if row.is_mine), None) or next(
            iter(self.teams), None
        )


def team_board(*, viewer: Any = None, now: datetime | None = None) -> TeamBoard:
    """The dashboard's summary, in three queries whatever the number of ideas: the teams (and
    whether the viewer is in each), the level routes, and the waiting ideas tallied by level."""
    now = now or timezone.now()
    team_rows = teams()
    if viewer is not None and viewer.is_authenticated:
        memberships = Team.members.through.objects.filter(team_id=OuterRef("pk"), user_id=viewer.pk)
        team_rows = team_rows.annotate(is_mine=Exists(memberships))
    routes = dict(LevelRoute.objects.values_list("level", "team_id"))
    tally = {
        row["level"]: (row["waiting"], row["oldest"])
        for row in ideas_awaiting_response()
        .order_by()
        .values("level")
        .annotate(waiting=Count("pk"), oldest=Min("created_at"))
    }
    rows = []
    for team in team_rows:
        levels = tuple(level for level in Level.values if routes.get(level) == team.pk)
        counts = [tally[level] for level in levels if level in tally]
        oldest = min((when for _n, when in counts), default=None)
        rows.append(
            TeamWaiting(
                team=team,
                levels=levels,
                waiting=sum(n for n, _when in counts),
                longest_wait=None if oldest is None else days_between(oldest, now),
                is_mine=bool(getattr(team, "is_mine", False)),
            )
        )
    return TeamBoard(
        teams=rows,
        routes=routes,
        unrouted=[level for level in Level.values if level not in routes],
    )


@dataclass(frozen=True, slots=True)
class TeamDigest:
    """What a team's weekly email says: how many ideas wait, and the oldest of them."""

    team: Team
    waiting: int
    oldest: list[WaitingIdea]


DIGEST_IDEAS = 10


def team_digest(team: Team, *, now: datetime | None = None) -> TeamDigest:
    """The team's waiting ideas for its digest: two queries."""
    ideas = team_waiting_ideas(team)
    waiting = ideas.count()
    oldest = with_days_waiting(ideas[:DIGEST_IDEAS], now=now) if waiting else []
    return TeamDigest(team=team, waiting=waiting, oldest=oldest)


def team_recipients(team: Team) -> QuerySet[Any]:
    """The team's members who get its email: those whose account is active."""
    return team.members.filter(is_active=True).order_by("pk")
