"""Template helpers shared by every app; loaded as a builtin (config/settings/base.py)."""

from typing import Any

from django import template
from django.db.models import Model
from django.template import engines
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.template.loader_tags import BlockNode
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
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


def render_jinja(template_name: str, context: Context, **extra: object) -> SafeString:
    """A Jinja2 template (equityhub/core/jinja.py) rendered with this template's context."""
    jinja = engines["jinja2"].env  # type: ignore[attr-defined]
    # The layout's helpers (url, static…) win over a page's variables of the same name.
    values: dict[Any, Any] = {
        name: value for name, value in context.flatten().items() if name not in jinja.globals
    }
    # Jinja2 escaped what it printed.
    return mark_safe(jinja.get_template(template_name).render({**values, **extra}))  # noqa: S308


class JinjaLayoutNode(template.Node):
    """The site's layout (core's jinja2/layout.html) around the blocks of a Django page."""

    child_nodelists = ("nodelist",)  # so that {% extends %} finds the blocks inside

    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        blocks = {
            node.name: mark_safe(node.render(context))  # noqa: S308 (rendered by Django, escaped)
            for node in self.nodelist
            if isinstance(node, BlockNode)
        }
        return render_jinja("layout/for_django.html", context, blocks=blocks)


@register.tag
def jinja_layout(parser: Parser, token: Token) -> JinjaLayoutNode:
    """`{% jinja_layout %}{% block title %}{% endblock %}…{% endjinja_layout %}` (base.html)."""
    nodelist = parser.parse(("endjinja_layout",))
    parser.delete_first_token()
    return JinjaLayoutNode(nodelist)


@register.simple_tag(takes_context=True)
def jinja_include(context: Context, template_name: str) -> SafeString:
    """A piece of the Jinja2 layout, such as the breadcrumbs, in a Django template."""
    return render_jinja(template_name, context)
