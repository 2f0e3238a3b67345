"""An idea's page, and the support and follow buttons on it (and on the list)."""

from dataclasses import dataclass
from html import unescape
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import striptags, truncatewords
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from equityhub.actions.selectors import actions_for_idea
from equityhub.core.cache import public_page_cache
from equityhub.core.i18n import choice_labels, long_date
from equityhub.ideas import page_reads, rules, selectors, services
from equityhub.ideas.forms import CommentForm, MergeForm, ResponseForm, StatusForm
from equityhub.ideas.models import (
    READABLE_STATUSES,
    CommentState,
    Idea,
    Level,
    Status,
    public_display_name,
)
from equityhub.ideas.page_reads import CommentRow
from equityhub.ideas.services import EDITORIAL_TRANSITIONS
from equityhub.ideas.views.cards import STATUS_TAGS, SupportState, theme_names
from equityhub.ideas.views.common import (
    HtmxHttpRequest,
    first_message,
    member,
    next_url,
    viewable_idea,
    wants_partial,
)

# Banners for ideas that are not simply public, keyed by status.
HELD_STATUSES = frozenset({Status.PENDING, Status.HIDDEN, Status.REJECTED})


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to build, 50 times a page
class CommentView:
    """A comment as its page shows it, texts ready, with what the viewer may do to it.

    The discussion is one flat list: a reply carries `first_reply`/`last_reply` to open and
    close its thread's list of replies, and the last row of a thread (`ends_thread`) carries
    the thread's reply form, so the template renders every comment in one loop.
    """

    comment: CommentRow
    author: str
    created: str
    created_iso: str
    can_edit: bool
    can_remove: bool
    can_report: bool
    can_mark: bool
    is_reply: bool = False
    first_reply: bool = False
    last_reply: bool = False
    ends_thread: bool = False
    # The comment a reply form under this row answers, and its author's name; 0 for none.
    reply_to_pk: int = 0
    reply_to_name: str = ""

    @property
    def has_actions(self) -> bool:
        return self.can_edit or self.can_remove or self.can_report or self.can_mark


def _comment_views(viewer: Any, idea: Idea, *, can_comment: bool) -> list[CommentView]:
    """The discussion in page order, threads flattened (see CommentView)."""
    is_member = rules.is_member(viewer)
    zone = timezone.get_current_timezone()

    def view(comment: CommentRow, **place: Any) -> CommentView:
        created = comment.created_at.astimezone(zone)
        return CommentView(
            comment=comment,
            author=page_reads.author_name(viewer, comment),
            # "j F Y, H:i", the day in the page's language.
            created=f"{long_date(created.date())}, {created:%H:%M}",
            created_iso=created.isoformat(),
            # Visitors who are not signed in may do nothing to a comment.
            can_edit=is_member and rules.can_edit_comment(viewer, comment),
            can_remove=is_member and rules.can_remove_comment(viewer, comment),
            can_report=is_member and rules.can_report(viewer, comment),
            can_mark=is_member and rules.can_mark_official_answer(viewer, comment),
            **place,
        )

    rows: list[CommentView] = []
    for thread in selectors.idea_discussion(idea=idea, viewer=viewer):
        top = thread.comment
        answer: dict[str, Any] = {}
        if can_comment and top.state == CommentState.PUBLISHED:
            answer = {"reply_to_pk": top.pk, "reply_to_name": page_reads.author_name(viewer, top)}
        if not thread.replies:
            rows.append(view(top, ends_thread=True, **answer))
            continue
        rows.append(view(top))
        last = len(thread.replies) - 1
        for i, reply in enumerate(thread.replies):
            ends = {"ends_thread": True, **answer} if i == last else {}
            rows.append(
                view(reply, is_reply=True, first_reply=i == 0, last_reply=i == last, **ends)
            )
    return rows


def _timeline(viewer: Any, idea: Idea) -> list[page_reads.HistoryRow]:
    """The idea's history. Moderation steps are shown to staff and the author only."""
    entries = selectors.idea_timeline(idea=idea)
    if rules.is_moderator(viewer) or rules.is_editor(viewer) or rules.is_author(viewer, idea):
        return entries
    shown = READABLE_STATUSES | {Status.MERGED}
    return [entry for entry in entries if entry.to_status in shown]


def support_state(viewer: Any, idea: Idea, *, supported: bool) -> SupportState:
    return SupportState(
        pk=idea.pk,
        title=idea.title,
        count=idea.support_count,
        supported=supported,
        may_support=rules.can_support_idea(viewer, idea),
    )


def _merged_from(request: HttpRequest, idea: Idea) -> str | None:
    """The title of the idea merged into this one that the visitor came from, if any."""
    try:
        pk = int(request.GET.get("merged_from", ""))
    except ValueError:
        return None
    return Idea.objects.filter(pk=pk, merged_into=idea).values_list("title", flat=True).first()


def render_detail(
    request: HttpRequest, idea: Idea, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The idea's page; `forms` replaces a form on it (one sent back with its errors)."""
    viewer = request.user
    state = selectors.viewer_state(user=viewer, idea_ids=[idea.pk])
    is_staff = rules.is_moderator(viewer) or rules.is_editor(viewer)
    transitions = EDITORIAL_TRANSITIONS.get(idea.status, frozenset())
    can_comment = rules.can_comment_on_idea(viewer, idea)
    # The staff forms this viewer gets; None for those they may not use.
    status_form = response_form = merge_form = None
    if rules.can_set_status(viewer, idea) and transitions:
        status_form = forms.get("status_form") or StatusForm(statuses=transitions)
    if rules.can_respond(viewer, idea):
        response_form = forms.get("response_form") or ResponseForm(
            initial={"text": idea.official_response}
        )
    if rules.can_moderate(viewer) and idea.status != Status.MERGED:
        merge_form = forms.get("merge_form") or MergeForm()
    comment_form = forms.get("comment_form") or (CommentForm() if can_comment else None)
    reply_form = forms.get("reply_form")
    page_forms = (comment_form, reply_form, status_form, response_form, merge_form)
    author_name = page_reads.author_name(viewer, idea)
    context: dict[str, Any] = {
        "idea": idea,
        # The text of the sanitised HTML, entities read back, so that the template escapes once.
        "description": truncatewords(unescape(striptags(idea.body_html)), 30),
        "author_name": author_name,
        # The viewer sees the name the author hid from everyone else.
        "name_hidden": author_name != public_display_name(author_name, show_name=idea.show_name),
        "level": choice_labels(Level).get(idea.level, idea.level),
        "themes": list(theme_names(selectors.idea_theme_rows(idea=idea)).values()),
        "status_label": choice_labels(Status)[idea.status],
        "status_tag": STATUS_TAGS.get(idea.status, ""),
        "is_held": idea.status in HELD_STATUSES,
        "is_staff": is_staff,
        "timeline": _timeline(viewer, idea),
        # Staff see who moved the idea along, except an author who chose not to be named.
        "unnamed_author_id": None if rules.can_see_author(viewer, idea) else idea.author_id,
        "comments": _comment_views(viewer, idea, can_comment=can_comment),
        "comments_heading": ngettext(
            "Discussion (%(counter)s comment)",
            "Discussion (%(counter)s comments)",
            idea.comment_count,
        )
        % {"counter": idea.comment_count},
        "support": support_state(viewer, idea, supported=idea.pk in state.supported),
        "following": idea.pk in state.followed,
        "may_follow": rules.can_follow_idea(viewer, idea),
        "can_comment": can_comment,
        "can_take_part": rules.can_take_part(viewer),
        "can_edit": rules.can_edit_idea(viewer, idea),
        "can_withdraw": rules.can_withdraw_idea(viewer, idea),
        "can_report": rules.can_report(viewer, idea),
        "ideas_open": idea.campaign.ideas_are_open(),
        "merged_from": _merged_from(request, idea),
        # What became of it: the published actions it fed (equityhub/actions).
        "action_links": actions_for_idea(idea),
        "comment_form": comment_form,
        "reply_form": reply_form,
        "reply_to": forms.get("reply_to"),
        "status_form": status_form,
        "response_form": response_form,
        "merge_form": merge_form,
        "has_errors": any(form is not None and form.errors for form in page_forms),
    }
    # Straight to the Jinja2 engine, as the list does (views/lists.py).
    return render(request, "ideas/idea_detail.html", context, status=status, using="jinja2")


@public_page_cache
@require_GET
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Anyone: an idea with its history, response and discussion.

    Held, hidden and rejected ideas are shown only to their author and to staff; a merged idea
    sends visitors on to the idea it became part of.
    """
    idea = selectors.idea_for_detail(pk=pk)
    if idea is None:
        raise Http404
    if idea.status == Status.MERGED and idea.merged_into_id is not None:
        target = reverse("ideas:detail", kwargs={"pk": idea.merged_into_id})
        return redirect(f"{target}?merged_from={idea.pk}")
    if not rules.can_view_idea(request.user, idea):
        raise Http404
    return render_detail(request, idea)


@login_required
@require_POST
def idea_support(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Members: support an idea, or take their support back.

    htmx gets the button and count back; without JavaScript, the page it came from.
    """
    idea = viewable_idea(request, pk)
    user = member(request)
    adding = request.POST.get("support", "add") != "remove"
    error = ""
    try:
        if adding:
            idea = services.support_add(idea=idea, user=user)
        else:
            idea = services.support_remove(idea=idea, user=user)
    except PermissionDenied as denied:
        error = first_message(denied)
    supported = adding and not error
    if not adding and error:
        supported = idea.pk in selectors.viewer_state(user=user, idea_ids=[idea.pk]).supported
    if wants_partial(request):
        return render(
            request,
            "ideas/support.html",
            {
                "support": support_state(user, idea, supported=supported),
                "support_error": error,
                "support_next": next_url(request, idea.get_absolute_url()),
            },
        )
    if error:
        messages.error(request, error)
    elif adding:
        messages.success(request, _("You support “%(title)s”.") % {"title": idea.title})
    else:
        messages.success(request, _("You no longer support “%(title)s”.") % {"title": idea.title})
    return redirect(next_url(request, idea.get_absolute_url()))


@login_required
@require_POST
def idea_follow(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Members: follow an idea to get email about its news, or stop following it."""
    user = member(request)
    idea = selectors.idea_for_page(pk=pk)
    if idea is None:
        raise Http404
    adding = request.POST.get("follow", "add") != "remove"
    if adding:
        if not rules.can_view_idea(user, idea):
            raise Http404
        services.follow(idea=idea, user=user)
    else:
        # Anyone may stop following, even an idea they can no longer see.
        services.unfollow(idea=idea, user=user)
    if wants_partial(request):
        return render(
            request,
            "ideas/follow.html",
            {"idea": idea, "following": adding, "may_follow": rules.can_follow_idea(user, idea)},
        )
    if adding:
        messages.success(
            request,
            _("You follow “%(title)s”. We will email you when there is news.")
            % {"title": idea.title},
        )
    else:
        messages.success(request, _("You no longer follow “%(title)s”.") % {"title": idea.title})
    return redirect(next_url(request, idea.get_absolute_url()))
