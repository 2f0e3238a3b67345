"""How allauth fits EquityHub: members land, and get their emails, in their own language."""

from dataclasses import dataclass
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from equityhub.core.i18n import active_language, url_in_language


@dataclass(frozen=True, slots=True)
class EmailSite:
    """What allauth's email templates call `current_site`: our name, the address in use."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "You have tried to sign in too many times. Wait a few minutes, then try again, "
            "or reset your password."
        ),
    }

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        if not language:
            return url
        # Translate the address while the page's language is still active: that is the
        # language its path is written in.
        url = url_in_language(url, language)
        # The rest of this response (the "signed in" message) speaks the member's language too.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return url

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        # The setting names a page by its English path; a member signing out of a Welsh page
        # stays in Welsh.
        return url_in_language(super().get_logout_redirect_url(request), active_language())

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Mail goes out in the recipient's language, whatever page triggered it, and its links
        # open the site in that language.
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        context = {
            **context,
            **{
                key: url_in_language(value, language)
                for key, value in context.items()
                if key.endswith("_url") and isinstance(value, str)
            },
        }
        request = allauth_context.request
        if "current_site" not in context and request is not None:
            context["current_site"] = EmailSite(name="EquityHub", domain=request.get_host())
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
