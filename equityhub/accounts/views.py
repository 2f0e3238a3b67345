"""The member's own account page. Every view here is for the signed-in member, about themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from equityhub.accounts import services
from equityhub.accounts.forms import ApiTokenForm, ProfileForm
from equityhub.core.i18n import url_in_language


def _settings_page(request: HttpRequest, **context: object) -> HttpResponse:
    context.setdefault("form", ProfileForm(instance=request.user))
    context.setdefault("token_form", ApiTokenForm())
    context["tokens"] = request.user.api_tokens.all()  # type: ignore[union-attr]
    return render(request, "accounts/settings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _settings_page(request)
    form = ProfileForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _settings_page(request, form=form)
    user = services.user_update_profile(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
    messages.success(request, _("Your details have been saved."))
    # The saved language takes effect at once: show the page in it.
    return redirect(url_in_language(request.path, user.preferred_language))


@login_required
@require_POST
def api_token_create_view(request: HttpRequest) -> HttpResponse:
    token_form = ApiTokenForm(request.POST)
    if not token_form.is_valid():
        return _settings_page(request, token_form=token_form)
    new = services.api_token_create(user=request.user, name=token_form.cleaned_data["name"])  # type: ignore[arg-type]
    return _settings_page(request, new_token=new)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    if services.api_token_revoke(user=request.user, token_id=token_id):  # type: ignore[arg-type]
        messages.success(request, _("The token has been revoked. Scripts using it will stop working."))
    else:
        messages.error(request, _("That token was not found among your active tokens."))
    return redirect("accounts:settings")
