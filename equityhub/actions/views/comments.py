"""Members' comments on draft actions opened to them (co-creation)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from equityhub.actions import services
from equityhub.actions.models import ActionComment
from equityhub.actions.views.common import viewable_action
from equityhub.actions.views.public import render_action
from equityhub.ideas.models import CommentState
from equityhub.ideas.views.common import member, post_comment


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Members, on a draft opened to them: comment, or reply to a comment."""
    action = viewable_action(request, pk)
    return post_comment(
        request,
        threads=ActionComment.objects.filter(action=action, state=CommentState.PUBLISHED),
        create=partial(services.comment_create, action=action, author=member(request)),
        show_again=partial(render_action, request, action),
    )


@login_required
@require_POST
def comment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: remove their own comment; the thread keeps a "comment removed" line."""
    comment = get_object_or_404(ActionComment, pk=pk)
    services.comment_remove(comment=comment, actor=member(request))
    messages.success(request, _("Your comment has been removed."))
    return redirect(comment.get_absolute_url())
