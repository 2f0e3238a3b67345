"""Sharing an idea: the form with its similar-idea suggestions and preview, the author's
edit, and withdrawal."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from equityhub.campaigns.models import Campaign, IdeasWindow
from equityhub.core.text import markdown_to_html
from equityhub.ideas import rules, selectors, services
from equityhub.ideas.forms import IdeaForm, WithdrawForm
from equityhub.ideas.models import TITLE_MAX_LENGTH, Idea, Status
from equityhub.ideas.services import IdeasClosed
from equityhub.ideas.views.common import (
    add_errors,
    first_message,
    member,
    viewable_idea,
)
from equityhub.ideas.views.page import support_state
from equityhub.moderation.selectors import active_suspension

# Fewer letters than this say too little to look for similar ideas.
SIMILAR_MIN_LENGTH = 3


def _unavailable(
    request: HttpRequest, *, campaign: Campaign | None, reason: str, status: int = 200
) -> HttpResponse:
    """Why the member cannot post now: the campaign is closed, or their account is suspended."""
    suspension = active_suspension(user=request.user) if reason == "suspended" else None
    opens_at = None
    if (
        campaign is not None
        and campaign.ideas_window == IdeasWindow.SCHEDULED
        and campaign.ideas_open_at
        and campaign.ideas_open_at > timezone.now()
    ):
        opens_at = campaign.ideas_open_at
    return render(
        request,
        "ideas/idea_unavailable.html",
        {"campaign": campaign, "reason": reason, "suspension": suspension, "opens_at": opens_at},
        status=status,
    )


def _form_page(request: HttpRequest, form: IdeaForm, **context: Any) -> HttpResponse:
    context.setdefault("idea", None)
    return render(request, "ideas/idea_form.html", {"form": form, **context})


def _preview(form: IdeaForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {"title": data["title"], "body_html": markdown_to_html(data["body"])}


@login_required
@require_http_methods(["GET", "POST"])
def idea_create(request: HttpRequest) -> HttpResponse:
    """Members: share an idea in the current campaign, while it is taking ideas.

    "Preview" shows the idea as it will look without saving it; a rate limit or any other
    problem is reported with everything typed kept.
    """
    campaign = selectors.campaign_for_ideas()
    if campaign is None or not campaign.ideas_are_open():
        return _unavailable(request, campaign=campaign, reason="closed")
    if not rules.can_take_part(request.user):
        return _unavailable(request, campaign=campaign, reason="suspended", status=403)
    if request.method != "POST":
        return _form_page(request, IdeaForm(), campaign=campaign)
    form = IdeaForm(request.POST)
    if form.is_spam:
        # Only programs fill in the hidden field: refuse without saying why.
        return redirect("ideas:list")
    if not form.is_valid():
        return _form_page(request, form, campaign=campaign)
    if "preview" in request.POST:
        return _form_page(request, form, campaign=campaign, preview=_preview(form))
    try:
        idea = services.idea_create(author=member(request), campaign=campaign, **form.idea_fields())
    except ValidationError as error:
        add_errors(form, error)
        return _form_page(request, form, campaign=campaign)
    except IdeasClosed:
        return _unavailable(request, campaign=campaign, reason="closed")
    except PermissionDenied:
        return _unavailable(request, campaign=campaign, reason="suspended", status=403)
    if idea.status == Status.PENDING:
        messages.success(
            request,
            _(
                "Thank you. Your idea is awaiting review: it will appear in the list once a "
                "moderator has checked it."
            ),
        )
    else:
        messages.success(request, _("Your idea has been published."))
    return redirect(idea.get_absolute_url())


@require_GET
@vary_on_headers("HX-Request")
def similar_ideas(request: HttpRequest) -> HttpResponse:
    """Anyone: up to five ideas like the title being typed, each with a button to support it."""
    text = request.GET.get("title", "")[: TITLE_MAX_LENGTH * 2]
    campaign = selectors.campaign_for_ideas()
    try:
        exclude: int | None = int(request.GET.get("exclude", ""))
    except ValueError:
        exclude = None
    ideas: list[Idea] = []
    if campaign is not None and len(text.strip()) >= SIMILAR_MIN_LENGTH:
        ideas = selectors.similar_ideas(campaign=campaign, text=text, exclude=exclude)
    supported = selectors.viewer_state(
        user=request.user, idea_ids=[idea.pk for idea in ideas]
    ).supported
    similar = []
    for idea in ideas:
        idea.campaign = campaign  # type: ignore[assignment]
        similar.append(
            {
                "idea": idea,
                "support": support_state(request.user, idea, supported=idea.pk in supported),
            }
        )
    return render(request, "ideas/idea_form.html#similar", {"similar": similar, "searched": text})


@login_required
@require_http_methods(["GET", "POST"])
def idea_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: change their own idea, until someone supports or comments on it."""
    idea = viewable_idea(request, pk)
    if not rules.can_edit_idea(request.user, idea):
        raise PermissionDenied(
            _("This idea can no longer be changed: members have supported or discussed it.")
            if rules.is_author(request.user, idea)
            else _("You can change only your own ideas.")
        )
    if request.method != "POST":
        initial = {
            "title": idea.title,
            "body": idea.body,
            "level": idea.level,
            "language": idea.language,
            "themes": list(idea.themes.all()),
            "show_name": idea.show_name,
        }
        return _form_page(request, IdeaForm(initial=initial), idea=idea, campaign=idea.campaign)
    form = IdeaForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, idea=idea, campaign=idea.campaign)
    if "preview" in request.POST:
        return _form_page(request, form, idea=idea, campaign=idea.campaign, preview=_preview(form))
    try:
        idea = services.idea_update(idea=idea, actor=member(request), **form.idea_fields())
    except ValidationError as error:
        add_errors(form, error)
        return _form_page(request, form, idea=idea, campaign=idea.campaign)
    except PermissionDenied as denied:
        form.add_error(None, first_message(denied))
        return _form_page(request, form, idea=idea, campaign=idea.campaign)
    if idea.status == Status.PENDING:
        messages.success(
            request,
            _("Your changes are saved. The idea is awaiting review by a moderator."),
        )
    else:
        messages.success(request, _("Your changes are saved."))
    return redirect(idea.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def idea_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: withdraw their own idea before staff have decided on it; it stays readable."""
    idea = viewable_idea(request, pk)
    if not rules.can_withdraw_idea(request.user, idea):
        raise PermissionDenied(
            _("You can withdraw only your own ideas, before staff decide on them.")
        )
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_withdraw(
                idea=idea, actor=member(request), reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as denied:
            form.add_error(None, first_message(denied))
        else:
            messages.success(request, _("Your idea has been withdrawn."))
            return redirect(idea.get_absolute_url())
    return render(request, "ideas/idea_withdraw.html", {"idea": idea, "form": form})
