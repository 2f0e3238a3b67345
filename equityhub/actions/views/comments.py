"""Members' comments on draft actions opened to them (co-creation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from equityhub.actions import services
from equityhub.actions.models import ActionComment
from equityhub.actions.views.common import integer_or_none, viewable_action
from equityhub.actions.views.public import render_action
from equityhub.ideas.forms import CommentForm
from equityhub.ideas.models import CommentState
from equityhub.ideas.views.common import add_errors, first_message, member


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Members, on a draft opened to them: comment, or reply to a comment."""
    action = viewable_action(request, pk)
    reply_to = integer_or_none(request.POST.get("parent"))
    auto_id = f"reply-{reply_to}-%s" if reply_to else "id_%s"
    form = CommentForm(request.POST, auto_id=auto_id)
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = ActionComment.objects.filter(
            pk=form.cleaned_data["parent"], action=action, state=CommentState.PUBLISHED
        ).first()
        if parent is None:
            form.add_error(None, _("The comment you replied to is no longer there."))
            reply_to = None
    comment = None
    if not form.errors:
        try:
            comment = services.comment_create(
                action=action,
                author=member(request),
                body=form.cleaned_data["body"],
                parent=parent,
                show_name=form.cleaned_data["show_name"],
            )
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as denied:
            form.add_error(None, first_message(denied))
    if comment is None:
        if reply_to:
            return render_action(request, action, reply_form=form, reply_to=reply_to)
        return render_action(request, action, comment_form=form)
    if comment.state == CommentState.PENDING:
        messages.success(
            request, _("Thank you. Your comment will appear once a moderator has checked it.")
        )
    else:
        messages.success(request, _("Your comment has been posted."))
    return redirect(comment.get_absolute_url())


@login_required
@require_POST
def comment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Members: remove their own comment; the thread keeps a "comment removed" line."""
    comment = get_object_or_404(ActionComment, pk=pk)
    services.comment_remove(comment=comment, actor=member(request))
    messages.success(request, _("Your comment has been removed."))
    return redirect(comment.get_absolute_url())
