"""Editors build the plan: create and change actions, link the ideas behind them, publish them,
move them on and report their progress."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from equityhub.actions import rules, selectors, services
from equityhub.actions.forms import (
    ActionForm,
    IdeaSearchForm,
    LinkIdeaForm,
    ProgressForm,
    PublishForm,
    StatusForm,
)
from equityhub.actions.models import ActionStatus
from equityhub.actions.views.common import campaign_or_404, viewable_action
from equityhub.actions.views.public import render_action
from equityhub.ideas.models import PUBLIC_STATUSES, Idea
from equityhub.ideas.views.common import add_errors, integer_or_none, member


def _require_editor(request: HttpRequest) -> None:
    if not rules.can_edit_plan(request.user):
        raise PermissionDenied(_("Only editors can change the action plan."))


def _action_fields(form: ActionForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "team": data["team"],
        "level": data["level"],
        "title_en": data["title_en"],
        "title_cy": data["title_cy"],
        "description_en": data["description_en"],
        "description_cy": data["description_cy"],
        "themes": data["themes"],
        "target_date": data["target_date"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest) -> HttpResponse:
    """Editors: start a draft action; the ideas behind it are linked next."""
    _require_editor(request)
    campaign = campaign_or_404(request)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_create(
                campaign=campaign, actor=member(request), **_action_fields(form)
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Draft saved. Now link the ideas behind it."))
            return redirect("actions:ideas", pk=action.pk)
    return render(
        request,
        "actions/action_form.html",
        {"form": form, "campaign": campaign, "action": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: change an action's texts, team, level, themes and target date."""
    _require_editor(request)
    action = viewable_action(request, pk)
    initial = {
        "title_en": action.title_en,
        "title_cy": action.title_cy,
        "description_en": action.description_en,
        "description_cy": action.description_cy,
        "level": action.level,
        "team": action.team_id,
        "themes": [theme.pk for theme in action.themes.all()],
        "target_date": action.target_date,
    }
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(action=action, actor=member(request), **_action_fields(form))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The action has been saved."))
            return redirect(action)
    return render(
        request,
        "actions/action_form.html",
        {"form": form, "campaign": action.campaign, "action": action},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_ideas(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: find ideas and link them to the action, each with a note on how it shaped it."""
    _require_editor(request)
    action = viewable_action(request, pk)
    search = IdeaSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    posted_idea = integer_or_none(request.POST.get("idea"))
    # Each candidate has its own form: name the fields after its idea, so the error summary
    # links to the note that needs fixing.
    link_form = LinkIdeaForm(request.POST or None, auto_id=f"idea-{posted_idea}-%s")
    if request.method == "POST" and link_form.is_valid():
        idea = Idea.objects.filter(
            pk=link_form.cleaned_data["idea"], status__in=PUBLIC_STATUSES
        ).first()
        if idea is None:
            link_form.add_error("idea", _("There is no published idea with that number."))
        else:
            try:
                services.action_link_idea(
                    action=action,
                    idea=idea,
                    note=link_form.cleaned_data["note"],
                    actor=member(request),
                )
            except ValidationError as error:
                add_errors(link_form, error)
            else:
                messages.success(request, _("“%(title)s” is now linked.") % {"title": idea.title})
                back = f"{request.path}?{urlencode({'q': query})}" if query else request.path
                return redirect(back)
    candidates = list(selectors.linkable_ideas(action, query=query))
    for idea in candidates:
        idea.link_failed = bool(link_form.errors) and idea.pk == posted_idea  # type: ignore[attr-defined]
    context = {
        "action": action,
        "search": search,
        "query": query,
        "candidates": candidates,
        "linked": action.public_links,  # type: ignore[attr-defined]
        "link_form": link_form,
    }
    template = "actions/action_ideas.html"
    if request.htmx and request.method == "GET":  # type: ignore[attr-defined]
        template += "#candidates"
    return render(request, template, context)


@login_required
@require_POST
def idea_unlink(request: HttpRequest, pk: int, idea_pk: int) -> HttpResponse:
    """Editors: take an idea off an action."""
    _require_editor(request)
    action = viewable_action(request, pk)
    idea = get_object_or_404(Idea, pk=idea_pk)
    services.action_unlink_idea(action=action, idea=idea, actor=member(request))
    messages.success(request, _("“%(title)s” is no longer linked.") % {"title": idea.title})
    return redirect("actions:ideas", pk=action.pk)


@login_required
@require_POST
def action_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: open a draft for comments or close it, publish it, or move a published action
    on (planned, in progress, done, dropped)."""
    _require_editor(request)
    action = viewable_action(request, pk)
    operation = request.POST.get("operation", "")
    actor = member(request)
    if operation in ("open", "close"):
        try:
            services.action_open_for_comments(
                action=action, actor=actor, is_open=operation == "open"
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Members can now read this draft and comment on it.")
                if operation == "open"
                else _("Comments on this draft are closed."),
            )
        return redirect(action)
    if operation == "publish":
        publish_form = PublishForm(request.POST)
        if publish_form.is_valid():
            try:
                services.action_publish(
                    action=action, actor=actor, status=publish_form.cleaned_data["status"]
                )
            except ValidationError as error:
                add_errors(publish_form, error)
        if publish_form.errors:
            return render_action(request, action, publish_form=publish_form)
        messages.success(
            request, _("The action is published in the plan, and the ideas behind it with it.")
        )
        return redirect(action)
    status_form = StatusForm(request.POST)
    if status_form.is_valid():
        try:
            action = services.action_set_status(
                action=action,
                actor=actor,
                status=status_form.cleaned_data["status"],
                reason=status_form.cleaned_data["reason"],
                mark_ideas_implemented=status_form.cleaned_data["mark_ideas_implemented"],
            )
        except ValidationError as error:
            add_errors(status_form, error)
    if status_form.errors:
        return render_action(request, action, status_form=status_form)
    messages.success(
        request,
        _("The action is now “%(status)s”.") % {"status": ActionStatus(action.status).label},
    )
    return redirect(action)


@login_required
@require_POST
def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: add a dated progress update to a published action's timeline."""
    _require_editor(request)
    action = viewable_action(request, pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.progress_update_add(action=action, actor=member(request), **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        return render_action(request, action, progress_form=form)
    messages.success(request, _("The progress update has been added."))
    return redirect(f"{action.get_absolute_url()}#timeline")
