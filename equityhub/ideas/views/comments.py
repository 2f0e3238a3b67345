"""Discussion on an idea: posting, replying, editing, removing, and the official answer."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from equityhub.ideas import rules, services
from equityhub.ideas.forms import CommentEditForm
from equityhub.ideas.models import Comment, CommentState
from equityhub.ideas.views.common import (
    add_errors,
    first_message,
    member,
    post_comment,
    viewable_idea,
)
from equityhub.ideas.views.page import render_detail


def _comment_or_404(request: HttpRequest, pk: int) -> Comment:
    comment = (
        Comment.objects.select_related("idea", "idea__campaign", "author").filter(pk=pk).first()
    )
    if comment is None or not rules.can_view_idea(request.user, comment.idea):
        raise Http404
    return comment


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: comment on an idea, or reply to a comment on it."""
    idea = viewable_idea(request, pk)
    return post_comment(
        request,
        threads=Comment.objects.filter(idea=idea, state=CommentState.PUBLISHED),
        create=partial(services.comment_create, idea=idea, author=member(request)),
        show_again=partial(render_detail, request, idea),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: change their own comment in the 15 minutes after posting it."""
    comment = _comment_or_404(request, pk)
    if not rules.can_edit_comment(request.user, comment):
        raise PermissionDenied(_("Comments can be changed for 15 minutes after posting."))
    if request.method != "POST":
        form = CommentEditForm(initial={"body": comment.body})
        return render(request, "ideas/comment_edit.html", {"form": form, "comment": comment})
    form = CommentEditForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_edit(
                comment=comment, actor=member(request), body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as denied:
            form.add_error(None, first_message(denied))
    if form.errors:
        return render(request, "ideas/comment_edit.html", {"form": form, "comment": comment})
    if comment.state == CommentState.PENDING:
        messages.success(request, _("Your change will appear once a moderator has checked it."))
    else:
        messages.success(request, _("Your comment has been changed."))
    return redirect(comment.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def comment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: remove their own comment; the discussion keeps a "comment removed" line."""
    comment = _comment_or_404(request, pk)
    if not rules.can_remove_comment(request.user, comment):
        raise PermissionDenied(_("You can remove only your own comments."))
    if request.method != "POST":
        return render(request, "ideas/comment_remove.html", {"comment": comment})
    comment = services.comment_remove(comment=comment, actor=member(request))
    messages.success(request, _("Your comment has been removed."))
    return redirect(comment.get_absolute_url())


@login_required
@require_POST
def comment_official(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators and editors: highlight a comment as the official answer, or stop doing so."""
    comment = _comment_or_404(request, pk)
    if not rules.can_mark_official_answer(request.user, comment):
        raise PermissionDenied(_("Only moderators and editors can mark an official answer."))
    official = request.POST.get("official", "1") != "0"
    comment = services.comment_mark_official(
        comment=comment, actor=member(request), official=official
    )
    if official:
        messages.success(request, _("The comment is now the official answer."))
    else:
        messages.success(request, _("The comment is no longer the official answer."))
    return redirect(comment.get_absolute_url())
