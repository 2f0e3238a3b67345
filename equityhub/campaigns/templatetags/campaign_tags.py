"""Template helpers for campaign pages: date ranges and marked search snippets."""

import re
from datetime import date
from urllib.parse import urlsplit

from django import template
from django.db.models import Model
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from equityhub.core.i18n import localized
from equityhub.core.search.backends import MARK_END, MARK_START

register = template.Library()

_MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)
_STRAY_MARKS = re.compile(f"[{MARK_START}{MARK_END}]")


def _time(value: date, pattern: str) -> SafeString:
    # date_format is what the |date filter uses: month names follow the active language.
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, pattern)
    )


@register.filter
def as_time(value: date, pattern: str = "j F Y") -> SafeString:
    """A date in words inside <time datetime="…">, like {{ value|date:"j F Y" }}."""
    return _time(value, pattern)


@register.simple_tag
def date_range(starts_on: date, ends_on: date) -> SafeString:
    """ "1 to 7 November 2021", naming the month and year once when they are shared."""
    if starts_on == ends_on:
        return _time(starts_on, "j F Y")
    if (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month):
        start_pattern = "j"
    elif starts_on.year == ends_on.year:
        start_pattern = "j F"
    else:
        start_pattern = "j F Y"
    sentence = conditional_escape(gettext("%(start)s to %(end)s"))
    # The translated sentence is escaped and both dates are built by format_html.
    return mark_safe(  # noqa: S308
        sentence % {"start": _time(starts_on, start_pattern), "end": _time(ends_on, "j F Y")}
    )


@register.filter
def mark_snippet(snippet: str) -> SafeString:
    """Escape a search snippet and turn the engine's \\x02…\\x03 delimiters into <mark>."""
    parts: list[str] = []
    position = 0
    for match in _MARKED.finditer(snippet):
        parts.append(conditional_escape(_STRAY_MARKS.sub("", snippet[position : match.start()])))
        parts.append(format_html("<mark>{}</mark>", _STRAY_MARKS.sub("", match.group(1))))
        position = match.end()
    parts.append(conditional_escape(_STRAY_MARKS.sub("", snippet[position:])))
    return mark_safe("".join(parts))  # noqa: S308 - every part was escaped above.


@register.simple_tag
def translated_text(obj: Model, field: str) -> str:
    """A translated field as plain text, for places that cannot hold markup (<title>, attributes).

    Elsewhere use {% translated %}, which marks English shown on a Welsh page with lang="en".
    """
    return localized(obj, field).text


@register.filter
def link_host(url: str) -> str:
    """The site a link leads to, as readers write it: "rcot.co.uk"."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
