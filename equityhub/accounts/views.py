"""The member's own account pages. Every view here is for the signed-in member, about themselves."""

import json
from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from equityhub.accounts import selectors, services
from equityhub.accounts.forms import AccountDeleteForm, ApiTokenForm, ProfileForm
from equityhub.accounts.models import User
from equityhub.core.i18n import url_in_language


def _member(request: HttpRequest) -> User:
    """The signed-in member (the views below are all behind login_required)."""
    user = request.user
    assert isinstance(user, User)
    return user


def _settings_page(request: HttpRequest, **context: Any) -> HttpResponse:
    member = _member(request)
    context.setdefault("form", ProfileForm(instance=member))
    context.setdefault("token_form", ApiTokenForm())
    context["tokens"] = selectors.api_token_list(user=member)
    context["two_factor_enabled"] = selectors.two_factor_enabled(user=member)
    return render(request, "accounts/settings.html", context)


def _tokens_section() -> str:
    return reverse("accounts:settings") + "#api-tokens"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in member: see and change their own details, sign-in settings and tokens."""
    if request.method != "POST":
        return _settings_page(request)
    form = ProfileForm(request.POST, instance=_member(request))
    if not form.is_valid():
        return _settings_page(request, form=form)
    user = services.user_update_profile(user=_member(request), **form.cleaned_data)
    messages.success(request, _("Your details have been saved."))
    # The saved language takes effect at once: show the page in it.
    return redirect(url_in_language(request.path, user.preferred_language))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_token_create_view(request: HttpRequest) -> HttpResponse:
    """The signed-in member: create a personal API token for themselves, shown this once."""
    if request.method != "POST":
        # The page this form posts to has no view of its own (for example after a language switch).
        return redirect(_tokens_section())
    token_form = ApiTokenForm(request.POST)
    if not token_form.is_valid():
        return _settings_page(request, token_form=token_form)
    new = services.api_token_create(user=_member(request), name=token_form.cleaned_data["name"])
    # Rendered, not redirected: the secret is never stored, so this response is its only showing.
    return _settings_page(request, new_token=new)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    """The signed-in member: revoke one of their own tokens; anyone else's is "not found"."""
    if services.api_token_revoke(user=_member(request), token_id=token_id):
        messages.success(
            request, _("The token has been revoked. Scripts using it will stop working.")
        )
    else:
        messages.error(request, _("That token was not found among your active tokens."))
    # The message shows at the top of the page, so that is where the member lands.
    return redirect("accounts:settings")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def data_export(request: HttpRequest) -> HttpResponse:
    """The signed-in member: see what the file holds (GET), download their own data (POST)."""
    if request.method != "POST":
        return render(
            request, "accounts/data_export.html", {"sections": selectors.data_export_sections()}
        )
    data = selectors.user_data_export(user=_member(request))
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"equityhub-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """The signed-in member: delete their own account, once they have entered their password.

    The site's last superuser is refused, with the reason, so that someone can still run it.
    """
    member = _member(request)
    if selectors.is_last_superuser(user=member):
        status = 409 if request.method == "POST" else 200
        return render(request, "accounts/delete.html", {"last_superuser": True}, status=status)
    if request.method != "POST":
        return render(request, "accounts/delete.html", {"form": AccountDeleteForm(user=member)})
    # The same limit as allauth's "confirm it's you" page, so the password cannot be guessed here.
    too_many = ratelimit.consume_or_429(request, action="reauthenticate", user=member)
    if too_many is not None:
        return too_many
    form = AccountDeleteForm(request.POST, user=member)
    if not form.is_valid():
        return render(request, "accounts/delete.html", {"form": form})
    try:
        services.user_delete(user=member)
    except services.LastSuperuserError:
        return render(request, "accounts/delete.html", {"last_superuser": True}, status=409)
    logout(request)
    messages.success(request, _("Your account has been deleted, and you have been signed out."))
    return redirect("campaigns:hub")
