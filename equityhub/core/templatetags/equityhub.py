"""Template helpers shared by every app; loaded as a builtin (config/settings/base.py)."""

from django import template
from django.db.models import Model
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from equityhub.core.i18n import LocalizedText, localized
from equityhub.core.text import markdown_to_html

register = template.Library()


@register.simple_tag
def translated(obj: Model, field: str) -> SafeString:
    """A short translated field (a title, a name); English shown in Welsh is marked lang="en"."""
    value = localized(obj, field)
    if value.is_fallback:
        return format_html('<span lang="{}">{}</span>', value.language, value.text)
    return format_html("{}", value.text)


@register.simple_tag
def translated_markdown(obj: Model, field: str) -> SafeString:
    """A long translated field rendered from Markdown, with a notice when it falls back."""
    value: LocalizedText = localized(obj, field)
    html = markdown_to_html(value.text, allow_headings=True)
    if not value.is_fallback:
        return html
    return format_html(
        '<p class="govuk-inset-text eh-fallback-notice">{}</p><div lang="{}">{}</div>',
        gettext("This text is not yet available in Welsh, so it is shown in English."),
        value.language,
        html,
    )


@register.filter
def markdown(text: str) -> SafeString:
    return markdown_to_html(text)
