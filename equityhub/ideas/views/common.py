"""What the ideas pages share: the request type, the signed-in member, safe return addresses."""

from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from equityhub.accounts.models import User
from equityhub.ideas import rules, selectors
from equityhub.ideas.models import Idea


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
    """The idea with what its page shows, or 404 when it is missing or the viewer may not see it."""
    idea = selectors.idea_for_page(pk=pk)
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
