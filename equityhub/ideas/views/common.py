"""What the ideas pages share: the request type, the signed-in member, safe return addresses,
and posting a comment or a reply (also used by draft actions' discussions)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from equityhub.accounts.models import User
from equityhub.ideas import rules, selectors
from equityhub.ideas.forms import CommentForm
from equityhub.ideas.models import CommentState, Idea


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_partial(request: HtmxHttpRequest) -> bool:
    """Whether to answer with a region of the page: htmx asked, and not to restore history."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def member(request: HttpRequest) -> User:
    """The signed-in member, for views behind login_required."""
    user = request.user
    assert isinstance(user, User)
    return user


def next_url(request: HttpRequest, default: str) -> str:
    """Where to go back to after a form: the page it came from, if it is one of ours."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def viewable_idea(request: HttpRequest, pk: int) -> Idea:
    """The idea as its page reads it (`selectors.idea_for_detail()`), or 404 when it is missing
    or the viewer may not see it."""
    idea = selectors.idea_for_detail(pk=pk)
    if idea is None or not rules.can_view_idea(request.user, idea):
        raise Http404
    return idea


def add_errors(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its fields where the form has them."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def first_message(error: Any) -> str:
    messages = getattr(error, "messages", None) or [str(error)]
    return str(messages[0]) if messages else ""


def integer_or_none(value: Any) -> int | None:
    """A number typed into a form or an address, or None for anything else."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def post_comment(
    request: HttpRequest,
    *,
    threads: QuerySet[Any],
    create: Callable[..., Any],
    show_again: Callable[..., HttpResponse],
) -> HttpResponse:
    """Post the CommentForm sent with the request: a comment, or a reply to one of `threads`
    (the published comments that may be answered).

    `create(parent=, body=, show_name=)` is the content app's service; `show_again(**forms)`
    renders the page again with the form and its errors, which keep what was typed.
    """
    reply_to = integer_or_none(request.POST.get("parent"))
    # A reply form's fields are named after its thread, so the error summary can link to them.
    auto_id = f"reply-{reply_to}-%s" if reply_to else "id_%s"
    form = CommentForm(request.POST, auto_id=auto_id)
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = threads.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            form.add_error(None, _("The comment you replied to is no longer there."))
            # Its thread is gone from the page: the text comes back in the comment box.
            reply_to = None
    comment = None
    if not form.errors:
        try:
            comment = create(
                parent=parent,
                body=form.cleaned_data["body"],
                show_name=form.cleaned_data["show_name"],
            )
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as denied:
            form.add_error(None, first_message(denied))
    if comment is None:
        if reply_to:
            return show_again(reply_form=form, reply_to=reply_to)
        return show_again(comment_form=form)
    if comment.state == CommentState.PENDING:
        messages.success(
            request, _("Thank you. Your comment will appear once a moderator has checked it.")
        )
    else:
        messages.success(request, _("Your comment has been posted."))
    return redirect(comment.get_absolute_url())
