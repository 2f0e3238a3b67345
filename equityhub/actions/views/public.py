"""The public action plan ("You said, we did") and each action's page."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from equityhub.actions import forms as action_forms
from equityhub.actions import rules, selectors
from equityhub.actions.models import Action
from equityhub.actions.views.common import campaign_or_404, viewable_action
from equityhub.ideas.forms import CommentForm


@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    """Anyone: the campaign's published actions by level, with the ideas behind each; editors
    also see the drafts."""
    campaign = campaign_or_404(request)
    context = {
        "plan": selectors.plan_for_campaign(campaign, viewer=request.user),
        "campaign": campaign,
        "can_edit_plan": rules.can_edit_plan(request.user),
    }
    return render(request, "actions/plan.html", context)


def render_action(request: HttpRequest, action: Action, **forms: Any) -> HttpResponse:
    """The action's page, with any form that came back with errors in place of a fresh one."""
    viewer = request.user
    can_edit = rules.can_edit_plan(viewer)
    context: dict[str, Any] = {
        "action": action,
        "timeline": list(selectors.action_timeline(action)),
        "can_edit_plan": can_edit,
        "can_comment": rules.can_comment_on_action(viewer, action),
        "comments": selectors.action_comments(action, viewer=viewer)
        if action.open_for_comments or action.comment_count
        else [],
        "comment_form": forms.get("comment_form") or CommentForm(),
        "reply_to": forms.get("reply_to"),
        "reply_form": forms.get("reply_form"),
    }
    if can_edit:
        context |= {
            "publish_form": forms.get("publish_form") or action_forms.PublishForm(),
            "status_form": forms.get("status_form") or action_forms.StatusForm(),
            "progress_form": forms.get("progress_form") or action_forms.ProgressForm(),
        }
    return render(request, "actions/action_detail.html", context)


@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Anyone, for a published action; members, for a draft opened to them; editors, always."""
    return render_action(request, viewable_action(request, pk))
