"""Writes for theme suggestions and clusters of similar ideas.

An editor starts an analysis of a campaign's public ideas (`analysis_start`): a background job
whose task (tasks.py) runs `theme_suggestions_train` or `clusters_build`, which read the ideas,
hand them to analysis.py and keep what comes back, replacing the previous results in one
transaction. Editors then accept or reject each suggested theme in one click.
"""

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.jobs import ReportProgress, job_start
from equityhub.core.models import JobState
from equityhub.ideas import rules
from equityhub.ideas.models import (
    PUBLIC_STATUSES,
    AnalysisKind,
    AnalysisOutcome,
    AnalysisRun,
    ClusterMembership,
    Idea,
    IdeaCluster,
    SuggestionState,
    Theme,
    ThemeSuggestion,
)

# The kind of background job each analysis runs as (core.Job.kind).
JOB_KINDS = {
    AnalysisKind.THEMES: "ideas.theme_suggestions",
    AnalysisKind.CLUSTERS: "ideas.clusters",
}
JOB_TITLES = {
    AnalysisKind.THEMES: _("Suggesting themes for ideas"),
    AnalysisKind.CLUSTERS: _("Finding clusters of similar ideas"),
}
# How many of a cluster's commonest themes are kept with it.
CLUSTER_THEMES = 3


def _check_editor(user: Any) -> None:
    if not rules.is_editor(user):
        raise PermissionDenied(_("Only editors can do this."))


def _task(kind: str) -> Any:
    from equityhub.ideas import tasks

    return tasks.train_theme_suggestions if kind == AnalysisKind.THEMES else tasks.cluster_ideas


def analysis_start(
    *, kind: str, campaign: Campaign, actor: Any, language: str, return_url: str = ""
) -> AnalysisRun:
    """Start analysing a campaign's ideas in the background, or find the run already going.

    The run's job (`run.job`) shows its progress. When a run of the same analysis of the same
    campaign is still waiting or working, that run is returned and no other is started: its
    job may belong to another editor, which the caller can tell from `run.job.owner_id`.
    """
    _check_editor(actor)
    with transaction.atomic():
        running = (
            AnalysisRun.objects.select_related("job")
            .filter(
                campaign=campaign,
                kind=kind,
                job__state__in=[JobState.QUEUED, JobState.RUNNING],
            )
            .order_by("-created_at")
            .first()
        )
        if running is not None:
            return running
        job = job_start(
            kind=JOB_KINDS[AnalysisKind(kind)],
            task=_task(kind),
            title=str(JOB_TITLES[AnalysisKind(kind)]),
            language=language,
            owner=actor,
            return_url=return_url,
            campaign_id=campaign.pk,
        )
        return AnalysisRun.objects.create(campaign=campaign, kind=kind, job=job, started_by=actor)


def _public_ideas(campaign_id: int) -> tuple[list[tuple[int, str]], dict[int, set[int]]]:
    """The campaign's public ideas as (id, text), and each one's themes (two queries)."""
    from equityhub.ideas.analysis import idea_text

    ideas = [
        (pk, idea_text(title, body))
        for pk, title, body in Idea.objects.public()
        .filter(campaign_id=campaign_id)
        .order_by("pk")
        .values_list("pk", "title", "body")
    ]
    themes: dict[int, set[int]] = defaultdict(set)
    links = Idea.themes.through.objects.filter(
        idea__campaign_id=campaign_id, idea__status__in=PUBLIC_STATUSES
    ).values_list("idea_id", "theme_id")
    for idea_id, theme_id in links:
        themes[idea_id].add(theme_id)
    return ideas, themes


def _run_for(job_id: str, kind: str) -> AnalysisRun:
    return AnalysisRun.objects.get(job_id=job_id, kind=kind)


def _scaled(report: ReportProgress, start: int, end: int, step: str) -> Callable[[int], None]:
    """A progress callback for one stage, mapping its 0-100 onto start-end of the whole."""
    return lambda percent: report(start + (end - start) * percent // 100, step)


def theme_suggestions_train(
    *, job_id: str, campaign_id: int, report: ReportProgress
) -> AnalysisRun:
    """Learn the themes from the campaign's themed public ideas and suggest themes for those
    without one. Suggestions still waiting for a decision are replaced; decided ones stay,
    and a theme an editor rejected for an idea is never suggested for it again."""
    from equityhub.ideas import analysis

    run = _run_for(job_id, AnalysisKind.THEMES)
    started = time.monotonic()
    report(5, gettext("Reading the ideas"))
    ideas, themes_of = _public_ideas(campaign_id)
    themed = [(pk, text) for pk, text in ideas if themes_of.get(pk)]
    unthemed = [(pk, text) for pk, text in ideas if not themes_of.get(pk)]
    all_themes = list(Theme.objects.order_by("position", "slug").values_list("pk", flat=True))
    step = ngettext(
        "Learning the themes from %(count)d idea",
        "Learning the themes from %(count)d ideas",
        len(themed),
    ) % {"count": len(themed)}
    report(10, step)
    training = analysis.train_themes(
        [text for _pk, text in themed],
        [themes_of[pk] for pk, _text in themed],
        all_themes,
        progress=_scaled(report, 10, 80, step),
    )
    suggestions: list[Any] = []
    if training.model is not None and unthemed:
        report(
            80,
            ngettext(
                "Suggesting themes for %(count)d idea without one",
                "Suggesting themes for %(count)d ideas without one",
                len(unthemed),
            )
            % {"count": len(unthemed)},
        )
        suggestions = analysis.suggest_themes(
            training.model, [pk for pk, _text in unthemed], [text for _pk, text in unthemed]
        )
    report(90, gettext("Saving the suggestions"))
    with transaction.atomic():
        of_campaign = ThemeSuggestion.objects.filter(idea__campaign_id=campaign_id)
        of_campaign.filter(state=SuggestionState.SUGGESTED).delete()
        decided = set(of_campaign.values_list("idea_id", "theme_id"))
        created = ThemeSuggestion.objects.bulk_create(
            ThemeSuggestion(idea_id=found.idea_id, theme_id=found.theme_id, score=found.score)
            for found in suggestions
            if (found.idea_id, found.theme_id) not in decided
        )
        run.outcome = (
            AnalysisOutcome(training.shortage) if training.shortage else AnalysisOutcome.COMPLETE
        )
        run.ideas = training.examples
        run.results = len(created)
        run.skipped_themes = list(training.skipped)
        _finish(run, started)
    return run


def clusters_build(*, job_id: str, campaign_id: int, report: ReportProgress) -> AnalysisRun:
    """Group the campaign's public ideas into clusters of ideas that read alike, replacing
    the campaign's previous clusters."""
    from equityhub.ideas import analysis

    run = _run_for(job_id, AnalysisKind.CLUSTERS)
    started = time.monotonic()
    report(5, gettext("Reading the ideas"))
    ideas, themes_of = _public_ideas(campaign_id)
    step = ngettext("Comparing %(count)d idea", "Comparing %(count)d ideas", len(ideas)) % {
        "count": len(ideas)
    }
    report(10, step)
    clustering = analysis.cluster_ideas(
        [pk for pk, _text in ideas],
        [text for _pk, text in ideas],
        progress=_scaled(report, 10, 90, step),
    )
    report(90, gettext("Saving the clusters"))
    with transaction.atomic():
        IdeaCluster.objects.filter(
            run__campaign_id=campaign_id, run__kind=AnalysisKind.CLUSTERS
        ).delete()
        clusters = IdeaCluster.objects.bulk_create(
            _cluster_row(run, position, found, themes_of)
            for position, found in enumerate(clustering.clusters, start=1)
        )
        ClusterMembership.objects.bulk_create(
            (
                ClusterMembership(cluster=cluster, idea_id=idea_id, distance=distance)
                for cluster, found in zip(clusters, clustering.clusters, strict=True)
                for idea_id, distance in zip(found.idea_ids, found.distances, strict=True)
            ),
            batch_size=1000,
        )
        run.outcome = (
            AnalysisOutcome(clustering.shortage)
            if clustering.shortage
            else AnalysisOutcome.COMPLETE
        )
        run.ideas = clustering.ideas
        run.results = len(clusters)
        _finish(run, started)
    return run


def _cluster_row(
    run: AnalysisRun, position: int, found: Any, themes_of: dict[int, set[int]]
) -> IdeaCluster:
    counts = Counter(theme for idea_id in found.idea_ids for theme in themes_of.get(idea_id, ()))
    common = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:CLUSTER_THEMES]
    return IdeaCluster(
        run=run,
        position=position,
        top_terms=list(found.terms),
        size=len(found.idea_ids),
        themes=[[theme, count] for theme, count in common],
        unthemed=sum(1 for idea_id in found.idea_ids if not themes_of.get(idea_id)),
    )


def _finish(run: AnalysisRun, started: float) -> None:
    run.finished_at = timezone.now()
    run.seconds = round(time.monotonic() - started, 2)
    run.save(
        update_fields=[
            "outcome",
            "ideas",
            "results",
            "skipped_themes",
            "finished_at",
            "seconds",
        ]
    )


# An editor's decision on a suggested theme.


ALREADY_DECIDED = {
    SuggestionState.ACCEPTED: _("An editor has already accepted this suggestion."),
    SuggestionState.REJECTED: _("An editor has already rejected this suggestion."),
}


def _decide(*, suggestion: ThemeSuggestion, actor: Any, state: str) -> tuple[ThemeSuggestion, bool]:
    """Record the decision; True when it changed the suggestion (a second click does not)."""
    _check_editor(actor)
    suggestion = (
        ThemeSuggestion.objects.select_for_update()
        .select_related("idea", "theme")
        .get(pk=suggestion.pk)
    )
    if suggestion.state == state:
        return suggestion, False
    if suggestion.state != SuggestionState.SUGGESTED:
        raise ValidationError(ALREADY_DECIDED[SuggestionState(suggestion.state)], code="decided")
    suggestion.state = state
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    return suggestion, True


@transaction.atomic
def suggestion_accept(*, suggestion: ThemeSuggestion, actor: Any) -> ThemeSuggestion:
    """Give the idea the suggested theme.

    The idea's version is bumped so that cached cards and pages show the theme; its last
    activity is left alone (a theme is not news for followers), and the search index holds
    no themes, so it has nothing to update.
    """
    suggestion, changed = _decide(
        suggestion=suggestion, actor=actor, state=SuggestionState.ACCEPTED
    )
    if changed:
        suggestion.idea.themes.add(suggestion.theme)
        Idea.objects.filter(pk=suggestion.idea_id).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
    return suggestion


@transaction.atomic
def suggestion_reject(*, suggestion: ThemeSuggestion, actor: Any) -> ThemeSuggestion:
    """Turn the suggested theme down: the idea is left as it is, and later runs will not
    suggest this theme for it again."""
    suggestion, _changed = _decide(
        suggestion=suggestion, actor=actor, state=SuggestionState.REJECTED
    )
    return suggestion
