"""Reads for the theme suggestions and clusters pages, each in a fixed number of queries."""

from django.db.models import Max, Prefetch, Q, QuerySet

from equityhub.campaigns.models import Campaign
from equityhub.ideas.models import (
    PUBLIC_STATUSES,
    AnalysisRun,
    ClusterMembership,
    Idea,
    IdeaCluster,
    IdeaQuerySet,
    SuggestionState,
    ThemeSuggestion,
)

# How many of a cluster's ideas its summary shows: those nearest its centre.
TYPICAL_IDEAS = 10
# The idea columns these pages show.
IDEA_FIELDS = ("id", "title", "language")


def latest_run(*, campaign: Campaign, kind: str) -> AnalysisRun | None:
    """The campaign's newest run of an analysis, with its job and who started it (one query)."""
    return (
        AnalysisRun.objects.filter(campaign=campaign, kind=kind)
        .select_related("job", "started_by")
        .order_by("-created_at", "-pk")
        .first()
    )


def latest_finished_run(*, campaign: Campaign, kind: str) -> AnalysisRun | None:
    """The campaign's newest run of an analysis that has finished (one query)."""
    return (
        AnalysisRun.objects.filter(campaign=campaign, kind=kind, finished_at__isnull=False)
        .order_by("-finished_at", "-pk")
        .first()
    )


def _suggestions() -> QuerySet[ThemeSuggestion]:
    return ThemeSuggestion.objects.order_by("-score", "theme_id")


def ideas_with_suggestions(*, campaign: Campaign) -> IdeaQuerySet:
    """The campaign's public ideas with a suggested theme waiting for a decision, the most
    confident first, each with all its suggestions and its themes (three queries a page)."""
    waiting = Q(theme_suggestions__state=SuggestionState.SUGGESTED)
    return (
        Idea.objects.filter(campaign=campaign, status__in=PUBLIC_STATUSES)
        .annotate(best_score=Max("theme_suggestions__score", filter=waiting))
        .filter(best_score__isnull=False)
        .only(*IDEA_FIELDS)
        .prefetch_related(
            Prefetch("theme_suggestions", queryset=_suggestions(), to_attr="suggestion_list"),
            "themes",
        )
        .order_by("-best_score", "-pk")
    )


def idea_with_suggestions(*, pk: int) -> Idea:
    """One idea as its row of the suggestions page shows it (three queries)."""
    return (
        Idea.objects.filter(pk=pk)
        .only(*IDEA_FIELDS)
        .prefetch_related(
            Prefetch("theme_suggestions", queryset=_suggestions(), to_attr="suggestion_list"),
            "themes",
        )
        .get()
    )


def unthemed_without_suggestion(*, campaign: Campaign) -> int:
    """How many of the campaign's public ideas have no theme and no suggestion waiting."""
    return (
        Idea.objects.filter(campaign=campaign, status__in=PUBLIC_STATUSES, themes__isnull=True)
        .exclude(theme_suggestions__state=SuggestionState.SUGGESTED)
        .count()
    )


def suggestion(*, pk: int) -> ThemeSuggestion | None:
    return ThemeSuggestion.objects.filter(pk=pk).first()


def _members() -> QuerySet[ClusterMembership]:
    return ClusterMembership.objects.select_related("idea").only(
        "cluster_id", "distance", *(f"idea__{field}" for field in IDEA_FIELDS)
    )


def clusters(*, run: AnalysisRun) -> list[IdeaCluster]:
    """A run's clusters, largest first, each with its TYPICAL_IDEAS ideas nearest its centre
    in `typical` (two queries)."""
    nearest = _members().order_by("distance", "idea_id")[:TYPICAL_IDEAS]
    return list(
        IdeaCluster.objects.filter(run=run)
        .order_by("position")
        .prefetch_related(Prefetch("memberships", queryset=nearest, to_attr="typical"))
    )


def cluster(*, pk: int) -> IdeaCluster | None:
    """One cluster with its run (one query)."""
    return IdeaCluster.objects.select_related("run", "run__campaign").filter(pk=pk).first()


def cluster_members(*, cluster: IdeaCluster) -> list[ClusterMembership]:
    """Every idea in a cluster, nearest its centre first (one query)."""
    return list(_members().filter(cluster=cluster).order_by("distance", "idea_id"))
