"""The Jinja2 environment of the site's layout and of its busiest pages (decision 0006).

Django templates render everything else. Jinja2 compiles a template to Python, which renders
a page of ideas several times faster. Both languages share one layout: core's
jinja2/layout.html, which Django's base.html fills through `{% jinja_layout %}`.

Translations: write `{{ _("Text") }}` (the `_(…)` first in `{{ }}`; anywhere in `{% %}`),
with `|format(name=value)` for placeholders, so that `makemessages` finds the text as it finds
`_("Text")` in a Django template. Plurals are worked out in Python with `ngettext`. As in
Django, a translation is trusted and may hold markup; the values `|format()` puts into it are
escaped.
"""

from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import formats, timezone, translation
from jinja2 import Environment
from markupsafe import Markup

from equityhub.core.i18n import active_language
from equityhub.core.memo import TRANSLATION_SETTINGS, forgotten_when_changed
from equityhub.core.templatetags.equityhub import translated
from equityhub.core.templatetags.govuk_forms import (
    govuk_error_links,
    govuk_kind,
    govuk_widget,
    squash,
)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    if args or kwargs:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    return _fixed_url(name, translation.get_language(), get_script_prefix())


@forgotten_when_changed("ROOT_URLCONF")
@lru_cache(maxsize=1024)
def _fixed_url(name: str, language: str | None, script_prefix: str) -> str:
    """The address of a page without parameters: it changes only with the language and the
    prefix the site is served under, and the layout asks for a dozen of them on every page."""
    return reverse(name)


@forgotten_when_changed("STATIC_URL", "STORAGES")
@lru_cache(maxsize=256)
def _static(path: str) -> str:
    """A static file's address: fixed for a deployment (its manifest is read at start-up), and
    the layout asks for several on every page."""
    return static(path)


def querystring(request: HttpRequest, **changes: Any) -> str:
    """The request's query string with `changes` made, as Django's `{% querystring %}` does:
    a changed key keeps its place, a new one goes last, a key changed to None goes.

    Built from pairs rather than from a copy of `request.GET`, which is a deep copy: a list
    page asks for a link to each of its pages, and each took 25 µs that way against 7."""
    pairs: list[tuple[str, str]] = []
    for key, values in request.GET.lists():
        if key not in changes:
            pairs.extend((key, value) for value in values)
        elif changes[key] is not None:
            pairs.append((key, str(changes[key])))
    pairs.extend(
        (key, str(value))
        for key, value in changes.items()
        if value is not None and key not in request.GET
    )
    return f"?{urlencode(pairs)}"


def date(value: datetime | None, format_name: str = "j F Y") -> str:
    """A date in the page's language, in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, format_name)


def gettext(message: str) -> Markup:
    """A translation of a template's own text: trusted, as in Django's {% translate %}, so a
    msgid may hold markup; `|format()` escapes the values put into it."""
    return _translation(message, translation.get_language())


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=4096)
def _translation(message: str, language: str | None) -> Markup:
    # A page asks for about a hundred of the same few hundred texts: each is looked up in the
    # catalogue of `language` (the active one) once per process.
    return Markup(translation.gettext(message))  # noqa: S704 (our own catalogue)


def ngettext(singular: str, plural: str, number: int) -> Markup:
    return Markup(translation.ngettext(singular, plural, number))  # noqa: S704


def environment(**options: Any) -> Environment:
    options.pop("autoescape", None)  # always on, whatever the settings say
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=False
    )
    # `_()` straight to gettext, rather than through the extension's alias, which looks the
    # function up in each page's context first.
    env.globals["_"] = gettext
    env.globals.update(
        url=url,
        static=_static,
        querystring=querystring,
        translated=translated,
        language=active_language,
    )
    env.filters.update(
        date=date,
        squash=squash,
        govuk_error_links=govuk_error_links,
        govuk_kind=govuk_kind,
        govuk_widget=govuk_widget,
    )
    return env
