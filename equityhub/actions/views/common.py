"""What the action plan's pages share: finding the campaign and an action the viewer may see."""

import re
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from equityhub.actions import rules, selectors
from equityhub.actions.models import Action
from equityhub.campaigns.models import Campaign
from equityhub.ideas.selectors import campaign_for_ideas

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")


def campaign_or_404(request: HttpRequest) -> Campaign:
    """The campaign named by `?campaign=`, else the current edition."""
    slug = str(request.GET.get("campaign") or request.POST.get("campaign") or "")
    if slug and not SLUG.fullmatch(slug):
        raise Http404(_("There is no campaign with that name."))
    campaign = campaign_for_ideas(slug or None)
    if campaign is None:
        raise Http404(_("There is no campaign with that name."))
    return campaign


def viewable_action(request: HttpRequest, pk: int) -> Action:
    """The action with what its page shows, or 404 when missing or not for this viewer."""
    action = selectors.action_for_page(pk)
    if action is None or not rules.can_view_action(request.user, action):
        raise Http404
    return action


def editor_context(request: HttpRequest) -> dict[str, Any]:
    return {"can_edit_plan": rules.can_edit_plan(request.user)}
