from collections.abc import Sequence

from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

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


def site(request: HttpRequest) -> dict[str, object]:
    language = active_language()
    switch_to = other_language(language)
    return {
        "navigation": _navigation(request),
        "language_switch": {
            "code": switch_to,
            "name": LANGUAGE_NAMES[switch_to],
            "url": url_in_language(request.get_full_path(), switch_to),
        },
    }
