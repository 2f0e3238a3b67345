"""Editors' analysis pages: themes suggested for ideas without one, and clusters of similar
ideas. Both analyses run as background jobs; these pages start them and show their results.

Every text the pages show is worked out here in the page's language, so that the templates
only print.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from equityhub.campaigns.models import Campaign
from equityhub.core.models import JobState
from equityhub.ideas import analysis, analysis_selectors, analysis_services, rules, selectors
from equityhub.ideas.models import (
    AnalysisKind,
    AnalysisOutcome,
    AnalysisRun,
    ClusterMembership,
    Idea,
    IdeaCluster,
    SuggestionState,
)
from equityhub.ideas.views.cards import ThemeName, theme_names
from equityhub.ideas.views.common import (
    HtmxHttpRequest,
    first_message,
    member,
    next_url,
    wants_partial,
)

IDEAS_PER_PAGE = 25
PAGE_NAMES = {
    AnalysisKind.THEMES: "ideas:theme_suggestions",
    AnalysisKind.CLUSTERS: "ideas:clusters",
}
STATE_TAGS = {
    SuggestionState.SUGGESTED: "",
    SuggestionState.ACCEPTED: "govuk-tag--green",
    SuggestionState.REJECTED: "govuk-tag--grey",
}


class CampaignForm(forms.Form):
    """Which campaign's ideas a page is about: the one named, else the current edition."""

    campaign = forms.SlugField(required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])


def _require_editor(request: HttpRequest) -> None:
    if not rules.is_editor(request.user):
        raise PermissionDenied(_("Only editors can use this page."))


def _campaign(request: HttpRequest) -> Campaign | None:
    """The campaign asked for in the query string or form, else the current one; a name
    that matches no campaign is a 404."""
    form = CampaignForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        raise Http404(_("There is no campaign with that name."))
    slug = form.cleaned_data["campaign"] or None
    campaign = selectors.campaign_for_ideas(slug)
    if campaign is None and slug:
        raise Http404(_("There is no campaign with that name."))
    return campaign


def _page_url(kind: str, request: HttpRequest) -> str:
    slug = request.POST.get("campaign") or request.GET.get("campaign") or ""
    url = reverse(PAGE_NAMES[AnalysisKind(kind)])
    return f"{url}?{urlencode({'campaign': slug})}" if slug else url


def _counted(singular: str, plural: str, count: int) -> str:
    """A sentence with a number in it, the number written with a thousands separator."""
    return ngettext(singular, plural, count) % {
        "count": formats.number_format(count, force_grouping=True)
    }


def _when(moment: Any) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


# The last run, in words -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What the page says about the analysis's last run."""

    state: str  # "none", "running", "failed" or "finished"
    lines: list[str]
    job_url: str = ""  # the progress page, for the editor who started a running job
    notice: str = ""  # a shortage, in plain words


def _started_line(run: AnalysisRun) -> str:
    who = run.started_by.display_name if run.started_by else ""
    if who:
        return _("Started on %(when)s by %(name)s.") % {"when": _when(run.created_at), "name": who}
    return _("Started on %(when)s.") % {"when": _when(run.created_at)}


def _theme_result(run: AnalysisRun, names: dict[int, ThemeName]) -> tuple[list[str], str]:
    lines = [
        _counted(
            "Learnt from %(count)s idea with a theme.",
            "Learnt from %(count)s ideas with a theme.",
            run.ideas,
        )
    ]
    notice = ""
    if run.outcome == AnalysisOutcome.COMPLETE:
        lines.append(
            _counted(
                "Made %(count)s new suggestion.", "Made %(count)s new suggestions.", run.results
            )
        )
        skipped = [names[pk].text for pk in run.skipped_themes if pk in names]
        if skipped:
            notice = _(
                "These themes have too few ideas to learn from (each needs at least "
                "%(minimum)d), so they were not suggested: %(themes)s."
            ) % {"themes": ", ".join(skipped), "minimum": analysis.MIN_IDEAS_PER_THEME}
    elif run.outcome == AnalysisOutcome.TOO_FEW_IDEAS:
        notice = _(
            "There are too few ideas with a theme to learn from: at least %(minimum)d are "
            "needed, so nothing was suggested. Give more ideas a theme and try again."
        ) % {"minimum": analysis.MIN_TRAINING_IDEAS}
    elif run.outcome == AnalysisOutcome.NO_LEARNABLE_THEME:
        notice = _(
            "No theme has enough ideas to learn from: a theme needs at least %(minimum)d ideas "
            "with it and as many without it, so nothing was suggested."
        ) % {"minimum": analysis.MIN_IDEAS_PER_THEME}
    else:
        notice = _(
            "The ideas have too few words in common to learn from, so nothing was suggested."
        )
    return lines, notice


def _cluster_result(run: AnalysisRun) -> tuple[list[str], str]:
    lines = [_counted("Compared %(count)s idea.", "Compared %(count)s ideas.", run.ideas)]
    notice = ""
    if run.outcome == AnalysisOutcome.COMPLETE:
        lines.append(_counted("Found %(count)s cluster.", "Found %(count)s clusters.", run.results))
    elif run.outcome == AnalysisOutcome.TOO_FEW_IDEAS:
        notice = _("There are too few ideas to group: at least %(minimum)d are needed.") % {
            "minimum": analysis.MIN_CLUSTER_IDEAS
        }
    else:
        notice = _("The ideas have too few words in common to group them.")
    return lines, notice


def run_summary(
    run: AnalysisRun | None, *, viewer: Any, names: dict[int, ThemeName] | None = None
) -> RunSummary:
    if run is None:
        return RunSummary("none", [])
    job = run.job
    if run.finished_at is None and job is not None and job.state == JobState.FAILED:
        return RunSummary(
            "failed",
            [
                _started_line(run),
                _("It could not be finished. Please try again."),
            ],
        )
    if run.finished_at is None:
        job_url = ""
        if job is not None and job.owner_id == getattr(viewer, "pk", None):
            job_url = reverse("core:job", args=[job.pk])
        return RunSummary("running", [_started_line(run)], job_url=job_url)
    if run.kind == AnalysisKind.THEMES:
        lines, notice = _theme_result(run, names or {})
    else:
        lines, notice = _cluster_result(run)
    finished = _("Finished on %(when)s.") % {"when": _when(run.finished_at)}
    return RunSummary("finished", [_started_line(run), finished, *lines], notice=notice)


def _start(request: HttpRequest, kind: str, campaign: Campaign) -> HttpResponse:
    """Start the analysis (or find the one running) and go to its progress."""
    page = _page_url(kind, request)
    run = analysis_services.analysis_start(
        kind=kind,
        campaign=campaign,
        actor=member(request),
        language=request.LANGUAGE_CODE,
        return_url=page,
    )
    if run.job is not None and run.job.owner_id == request.user.pk:
        return redirect(reverse("core:job", args=[run.job.pk]))
    messages.info(
        request,
        _(
            "Another editor has already started this. The page will show the results when "
            "it has finished."
        ),
    )
    return redirect(page)


# Theme suggestions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SuggestionItem:
    pk: int
    theme: ThemeName
    percent: int
    state: str
    state_label: str
    tag: str

    @property
    def waiting(self) -> bool:
        return self.state == SuggestionState.SUGGESTED


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    """One idea and the themes suggested for it."""

    pk: int
    url: str
    title: str
    lang: str
    themes: list[ThemeName]
    suggestions: list[SuggestionItem]


def suggestion_rows(ideas: list[Idea], names: dict[int, ThemeName]) -> list[SuggestionRow]:
    states = {value: str(label) for value, label in SuggestionState.choices}
    rows = []
    for idea in ideas:
        suggestions = [
            SuggestionItem(
                pk=found.pk,
                theme=names[found.theme_id],
                # Rounded down: a model is never quite "100%" sure.
                percent=int(found.score * 100),
                state=found.state,
                state_label=states[found.state],
                tag=STATE_TAGS[SuggestionState(found.state)],
            )
            for found in getattr(idea, "suggestion_list", [])
            if found.theme_id in names
        ]
        rows.append(
            SuggestionRow(
                pk=idea.pk,
                url=idea.get_absolute_url(),
                title=idea.title,
                lang=idea.language,
                themes=[names[theme.pk] for theme in idea.themes.all() if theme.pk in names],
                suggestions=suggestions,
            )
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def theme_suggestions(request: HttpRequest) -> HttpResponse:
    """Editors: themes suggested for ideas that have none, to accept or reject one by one;
    a POST (the button) works the suggestions out again in the background."""
    _require_editor(request)
    campaign = _campaign(request)
    if campaign is None:
        return render(request, "ideas/idea_unavailable.html", {"reason": "no_campaign"})
    if request.method == "POST":
        return _start(request, AnalysisKind.THEMES, campaign)
    names = theme_names(list(selectors.theme_list()))
    run = analysis_selectors.latest_run(campaign=campaign, kind=AnalysisKind.THEMES)
    ideas = analysis_selectors.ideas_with_suggestions(campaign=campaign)
    page = Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "campaign": campaign,
        "campaign_slug": request.GET.get("campaign", ""),
        "summary": run_summary(run, viewer=request.user, names=names),
        "page": page,
        "rows": suggestion_rows(list(page.object_list), names),
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "unsuggested": analysis_selectors.unthemed_without_suggestion(campaign=campaign)
        if run is not None
        else 0,
        "page_url": request.get_full_path(),
    }
    return render(request, "ideas/theme_suggestions.html", context)


@login_required
@require_POST
def theme_suggestion_decide(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Editors: accept a suggested theme (the idea gets it) or reject it."""
    _require_editor(request)
    suggestion = analysis_selectors.suggestion(pk=pk)
    if suggestion is None:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose to accept or reject the suggestion."), status=400)
    accept = form.cleaned_data["decision"] == "accept"
    service = analysis_services.suggestion_accept if accept else analysis_services.suggestion_reject
    failed = False
    try:
        suggestion = service(suggestion=suggestion, actor=member(request))
        names = theme_names(list(selectors.theme_list()))
        theme = names[suggestion.theme_id].text
        idea = analysis_selectors.idea_with_suggestions(pk=suggestion.idea_id)
        if accept:
            message = _("“%(idea)s” now has the theme “%(theme)s”.")
        else:
            message = _("“%(theme)s” will not be suggested again for “%(idea)s”.")
        message = message % {"idea": idea.title, "theme": theme}
    except ValidationError as error:
        failed = True
        message = first_message(error)
        names = theme_names(list(selectors.theme_list()))
        idea = analysis_selectors.idea_with_suggestions(pk=suggestion.idea_id)
    if wants_partial(request):
        row = suggestion_rows([idea], names)[0]
        return render(
            request,
            "ideas/theme_suggestions.html#decided",
            {
                "row": row,
                "message": message,
                "failed": failed,
                "page_url": next_url(request, reverse("ideas:theme_suggestions")),
            },
        )
    (messages.error if failed else messages.success)(request, message)
    return redirect(next_url(request, reverse("ideas:theme_suggestions")))


# Clusters ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdeaLink:
    url: str
    title: str
    lang: str


@dataclass(frozen=True, slots=True)
class ClusterView:
    """One cluster as the page shows it."""

    pk: int
    position: int
    url: str
    size: int
    size_text: str
    terms: str
    themes: str
    unthemed: str
    ideas: list[IdeaLink]

    @property
    def more(self) -> bool:
        return self.size > len(self.ideas)


def _links(memberships: list[ClusterMembership]) -> list[IdeaLink]:
    return [IdeaLink(m.idea.get_absolute_url(), m.idea.title, m.idea.language) for m in memberships]


def cluster_view(
    cluster: IdeaCluster, names: dict[int, ThemeName], memberships: list[ClusterMembership]
) -> ClusterView:
    themes = ", ".join(
        _("%(theme)s (%(count)s)")
        % {"theme": names[pk].text, "count": formats.number_format(count, force_grouping=True)}
        for pk, count in cluster.themes
        if pk in names
    )
    return ClusterView(
        pk=cluster.pk,
        position=cluster.position,
        url=cluster.get_absolute_url(),
        size=cluster.size,
        size_text=_counted("%(count)s idea", "%(count)s ideas", cluster.size),
        terms=", ".join(cluster.top_terms),
        themes=themes or _("None"),
        unthemed=formats.number_format(cluster.unthemed, force_grouping=True),
        ideas=_links(memberships),
    )


@login_required
@require_http_methods(["GET", "POST"])
def clusters(request: HttpRequest) -> HttpResponse:
    """Editors: the campaign's ideas in clusters of ideas that read alike, each with the words
    that mark it out, to spot topics the themes lack; a POST (the button) finds the clusters
    again in the background."""
    _require_editor(request)
    campaign = _campaign(request)
    if campaign is None:
        return render(request, "ideas/idea_unavailable.html", {"reason": "no_campaign"})
    if request.method == "POST":
        return _start(request, AnalysisKind.CLUSTERS, campaign)
    run = analysis_selectors.latest_run(campaign=campaign, kind=AnalysisKind.CLUSTERS)
    shown = run
    if run is not None and run.finished_at is None:
        shown = analysis_selectors.latest_finished_run(campaign=campaign, kind=run.kind)
    found = analysis_selectors.clusters(run=shown) if shown is not None else []
    names = theme_names(list(selectors.theme_list())) if found else {}
    context = {
        "campaign": campaign,
        "campaign_slug": request.GET.get("campaign", ""),
        "summary": run_summary(run, viewer=request.user),
        "clusters": [
            cluster_view(cluster, names, getattr(cluster, "typical", [])) for cluster in found
        ],
    }
    return render(request, "ideas/clusters.html", context)


@login_required
@require_http_methods(["GET"])
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: every idea in one cluster, the most typical first."""
    _require_editor(request)
    cluster = analysis_selectors.cluster(pk=pk)
    if cluster is None:
        raise Http404
    names = theme_names(list(selectors.theme_list()))
    members = analysis_selectors.cluster_members(cluster=cluster)
    campaign = cluster.run.campaign
    clusters_url = reverse("ideas:clusters")
    if not campaign.is_current:
        clusters_url = f"{clusters_url}?{urlencode({'campaign': campaign.slug})}"
    context = {
        "campaign": campaign,
        "cluster": cluster_view(cluster, names, members),
        "clusters_url": clusters_url,
    }
    return render(request, "ideas/cluster_detail.html", context)
