"""The team dashboard: each team's ideas awaiting an official response, oldest first, and which
team answers each level (level routing)."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from equityhub.actions import rules, selectors, services
from equityhub.actions.models import Team
from equityhub.actions.selectors import TeamBoard, TeamWaiting
from equityhub.core.i18n import localized
from equityhub.ideas.models import Level
from equityhub.ideas.views.common import add_errors, member

PER_PAGE = 25
SLUG_MAX_LENGTH = 60


class TeamChoiceForm(forms.Form):
    """Which team's ideas the page lists (a plain GET form, so it works without JavaScript)."""

    team = forms.ChoiceField(label=gettext_lazy("Team"))

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["team"])
        field.choices = [(team.slug, localized(team, "name").text) for team in teams]


class LevelRoutesForm(forms.Form):
    """One select per level: the team that answers the ideas at that level."""

    def __init__(
        self, *args: Any, teams: list[Team], routes: dict[str, int], **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", "routes")
        super().__init__(*args, **kwargs)
        self.teams = {team.slug: team for team in teams}
        slugs = {team.pk: team.slug for team in teams}
        choices = [("", _("Choose a team"))] + [
            (team.slug, localized(team, "name").text) for team in teams
        ]
        self.current = {level: slugs.get(team_id, "") for level, team_id in routes.items()}
        for level in Level:
            self.fields[level.value] = forms.ChoiceField(
                label=level.label,
                choices=choices,
                initial=self.current.get(level.value, ""),
                error_messages={
                    "required": _("Choose the team that answers ideas at “%(level)s”.")
                    % {"level": level.label},
                    "invalid_choice": _("Choose one of the teams in the list."),
                },
            )

    def changes(self) -> list[tuple[str, Team]]:
        """The levels given to another team, each with its new team (after is_valid)."""
        return [
            (level, self.teams[self.cleaned_data[level]])
            for level in Level.values
            if self.cleaned_data[level] != self.current.get(level, "")
        ]


def _require_dashboard(request: HttpRequest) -> None:
    if not rules.can_see_team_dashboard(request.user):
        raise PermissionDenied(_("Only editors can see the team dashboard."))


def _shown_team(board: TeamBoard, slug: str) -> TeamWaiting | None:
    """The team asked for by `?team=`, else the viewer's first team, else the first team."""
    if not slug:
        return board.default
    shown = board.team_for(slug[:SLUG_MAX_LENGTH])
    if shown is None:
        raise Http404(_("There is no team with that name."))
    return shown


def _dashboard_url(team: TeamWaiting | None) -> str:
    url = reverse("actions:teams")
    return f"{url}?{urlencode({'team': team.team.slug})}" if team else url


def _render(
    request: HttpRequest,
    board: TeamBoard,
    *,
    slug: str,
    routes_form: LevelRoutesForm | None = None,
) -> HttpResponse:
    shown = _shown_team(board, slug)
    teams = [row.team for row in board.teams]
    context: dict[str, Any] = {
        "board": board,
        "shown": shown,
        "unrouted_labels": [Level(level).label for level in board.unrouted],
        "team_form": TeamChoiceForm(
            initial={"team": shown.team.slug if shown else ""}, teams=teams
        ),
        "routes_form": routes_form or LevelRoutesForm(teams=teams, routes=board.routes),
        "can_change_routes": rules.can_edit_plan(request.user),
    }
    if shown is not None:
        page = Paginator(selectors.team_waiting_ideas(shown.team), PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["page"] = page
        context["rows"] = selectors.with_days_waiting(page.object_list)
        context["elided"] = page.paginator.get_elided_page_range(
            page.number, on_each_side=1, on_ends=1
        )
    return render(request, "actions/team_dashboard.html", context)


@never_cache
@login_required
@require_GET
def team_dashboard(request: HttpRequest) -> HttpResponse:
    """Editors: every team's count of ideas awaiting an official response, then one team's
    ideas, oldest first, with the days each has waited; `?team=<slug>` picks the team (default:
    the editor's own). Editors also choose here which team answers each level."""
    _require_dashboard(request)
    board = selectors.team_board(viewer=request.user)
    return _render(request, board, slug=str(request.GET.get("team", "")))


@never_cache
@login_required
@require_POST
def team_routes(request: HttpRequest) -> HttpResponse:
    """Editors: give each level to a team; its ideas move to that team's list at once."""
    _require_dashboard(request)
    if not rules.can_edit_plan(request.user):
        raise PermissionDenied(_("Only editors can change which team answers each level."))
    board = selectors.team_board(viewer=request.user)
    slug = str(request.POST.get("team", ""))
    form = LevelRoutesForm(
        request.POST, teams=[row.team for row in board.teams], routes=board.routes
    )
    if form.is_valid():
        changes = form.changes()
        try:
            # All levels or none: a refused change leaves every level as it was.
            with transaction.atomic():
                for level, team in changes:
                    services.level_route_set(level=level, team=team, actor=member(request))
        except ValidationError as error:
            add_errors(form, error)
        else:
            if not changes:
                messages.info(request, _("Nothing changed: each level already had that team."))
            for level, team in changes:
                messages.success(
                    request,
                    _("Ideas at “%(level)s” now go to %(team)s.")
                    % {"level": Level(level).label, "team": localized(team, "name").text},
                )
            return redirect(_dashboard_url(board.team_for(slug) if slug else None))
    return _render(request, board, slug=slug, routes_form=form)
