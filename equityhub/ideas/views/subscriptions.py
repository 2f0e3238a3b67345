"""Email about followed ideas: the member's settings, and the one-click unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from equityhub.accounts.models import User
from equityhub.ideas import selectors, services
from equityhub.ideas.forms import NotificationPreferenceForm
from equityhub.ideas.models import Idea
from equityhub.ideas.notifications import read_unsubscribe_token
from equityhub.ideas.views.common import member


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    """Members: choose which news about followed ideas they get by email, and unfollow ideas."""
    user = member(request)
    preference = selectors.notification_preference(user=user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.notification_preference_set(user=user, **form.cleaned_data)
        messages.success(request, _("Your email settings have been saved."))
        return redirect("ideas:notifications")
    return render(
        request,
        "ideas/notifications.html",
        {"form": form, "followed": list(selectors.followed_ideas(user=user))},
    )


def _token_target(token: str) -> tuple[User, Idea] | None:
    found = read_unsubscribe_token(token)
    if found is None:
        return None
    user_id, idea_id = found
    user = User.objects.filter(pk=user_id).first()
    idea = Idea.objects.filter(pk=idea_id).first()
    if user is None or idea is None:
        return None
    return user, idea


@csrf_exempt  # The token in the address is the secret; mail clients post without a CSRF token.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone holding a link from our email: stop email about one idea, without signing in.

    GET asks for confirmation (mail scanners follow links); POST unfollows. A mail client's
    own "unsubscribe" button posts "List-Unsubscribe=One-Click" (RFC 8058) and gets a short
    answer.
    """
    target = _token_target(token)
    if target is None:
        return render(request, "ideas/unsubscribe.html", {"invalid": True}, status=404)
    user, idea = target
    if request.method != "POST":
        return render(request, "ideas/unsubscribe.html", {"idea": idea, "token": token})
    services.unfollow(idea=idea, user=user)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(
            _("You will no longer get email about this idea."),
            content_type="text/plain; charset=utf-8",
        )
    return render(request, "ideas/unsubscribe.html", {"idea": idea, "done": True})
