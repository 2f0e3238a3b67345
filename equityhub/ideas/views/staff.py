"""Staff actions on an idea's page: editors set its status and official response, moderators
merge a duplicate into another idea."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from equityhub.ideas import rules, services
from equityhub.ideas.forms import MergeForm, ResponseForm, StatusForm
from equityhub.ideas.models import Idea, Status
from equityhub.ideas.services import EDITORIAL_TRANSITIONS
from equityhub.ideas.views.common import add_errors, member, viewable_idea
from equityhub.ideas.views.page import render_detail


@login_required
@require_POST
def idea_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: move the idea along the workflow, with a reason when it is not taken forward."""
    idea = viewable_idea(request, pk)
    if not rules.can_set_status(request.user, idea):
        raise PermissionDenied(_("Only editors can change an idea's status."))
    form = StatusForm(request.POST, statuses=EDITORIAL_TRANSITIONS.get(idea.status, ()))
    if form.is_valid():
        try:
            idea = services.idea_change_status(
                idea=idea,
                actor=member(request),
                to_status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        return render_detail(request, idea, status_form=form)
    messages.success(
        request, _("The idea is now “%(status)s”.") % {"status": Status(idea.status).label}
    )
    return redirect(f"{idea.get_absolute_url()}#history")


@login_required
@require_POST
def idea_response(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: publish or replace the idea's official response."""
    idea = viewable_idea(request, pk)
    if not rules.can_respond(request.user, idea):
        raise PermissionDenied(_("Only editors can respond to ideas."))
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            idea = services.idea_set_official_response(
                idea=idea, actor=member(request), text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        return render_detail(request, idea, response_form=form)
    messages.success(request, _("The official response has been published."))
    return redirect(f"{idea.get_absolute_url()}#official-response")


@login_required
@require_POST
def idea_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: fold this idea into another one; its supports and followers move over."""
    idea = viewable_idea(request, pk)
    if not rules.can_moderate(request.user):
        raise PermissionDenied(_("Only moderators can merge ideas."))
    form = MergeForm(request.POST)
    target = None
    if form.is_valid():
        target = Idea.objects.filter(pk=form.cleaned_data["target"]).first()
        if target is None:
            form.add_error("target", _("There is no idea with that number."))
        else:
            try:
                target = services.idea_merge(
                    source=idea,
                    target=target,
                    actor=member(request),
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_errors(form, error)
    if form.errors or target is None:
        return render_detail(request, idea, merge_form=form)
    messages.success(
        request,
        _("“%(source)s” has been merged into this idea.") % {"source": idea.title},
    )
    return redirect(target.get_absolute_url())
