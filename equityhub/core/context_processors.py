from collections.abc import Sequence

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from equityhub.core.i18n import active_language, other_language, url_in_language

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}

# The header's sections, in order: (url name, label). Each app adds itself here when it exists.
NAVIGATION = [
    ("campaigns:hub", _("Campaign")),
    ("ideas:list", _("Ideas")),
    ("campaigns:list", _("All campaigns")),
    ("campaigns:faqs", _("FAQs")),
    ("campaigns:publications", _("Publications")),
    ("campaigns:search", _("Search")),
]


# Sections only some people see: (url name, label, who may see it).
ROLE_NAVIGATION = [
    ("moderation:queue", _("Moderation"), "equityhub.moderation.rules.can_moderate"),
]


def _navigation(request: HttpRequest) -> Sequence[tuple[str, object]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return NAVIGATION
    return [
        *NAVIGATION,
        *((url, label) for url, label, rule in ROLE_NAVIGATION if import_string(rule)(user)),
    ]


def _in_language(request: HttpRequest, language: str) -> str:
    """This page's address in `language`, query string kept. The view's name and arguments are
    known by now, so the address is built from them rather than by resolving the path again
    (which `url_in_language()` does for any address, at a few times the cost)."""
    match = request.resolver_match
    if match is not None and match.view_name:
        try:
            with override(language):
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
        else:
            query = iri_to_uri(request.META.get("QUERY_STRING", ""))
            return f"{path}?{query}" if query else path
    return url_in_language(request.get_full_path(), language)


def site(request: HttpRequest) -> dict[str, object]:
    language = active_language()
    switch_to = other_language(language)
    return {
        "navigation": _navigation(request),
        "language_switch": {
            "code": switch_to,
            "name": LANGUAGE_NAMES[switch_to],
            "url": _in_language(request, switch_to),
        },
    }
