from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from equityhub.core.i18n import active_language, other_language, url_in_language

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}

# The header's sections, in order: (url name, label). Each app adds itself here when it exists.
NAVIGATION = [
    ("campaigns:hub", _("Campaign")),
    ("campaigns:list", _("All campaigns")),
    ("campaigns:faqs", _("FAQs")),
    ("campaigns:publications", _("Publications")),
    ("campaigns:search", _("Search")),
]


def site(request: HttpRequest) -> dict[str, object]:
    language = active_language()
    switch_to = other_language(language)
    return {
        "navigation": NAVIGATION,
        "language_switch": {
            "code": switch_to,
            "name": LANGUAGE_NAMES[switch_to],
            "url": url_in_language(request.get_full_path(), switch_to),
        },
    }
