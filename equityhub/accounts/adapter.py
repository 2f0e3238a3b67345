"""How allauth fits EquityHub: sign-in lands in the member's own language."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils import translation

from equityhub.core.i18n import url_in_language


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        if not language:
            return url
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return url_in_language(url, language)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Mail goes out in the recipient's language, whatever page triggered it.
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
