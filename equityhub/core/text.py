"""Member and editor text to safe HTML: a small Markdown subset, then an allow-list sanitiser."""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Raw HTML is switched off: anything that looks like a tag is shown as text.
    return MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False}
    ).disable(["image", "heading", "lheading", "table"], ignoreInvalid=True)


@lru_cache(maxsize=1)
def _markdown_with_headings() -> MarkdownIt:
    # Building a parser costs more than rendering a paragraph with it: keep one.
    return MarkdownIt("commonmark", {"html": False}).disable(["image"])


def markdown_to_html(text: str, *, allow_headings: bool = False) -> SafeString:
    """Render the Markdown subset that members may use, sanitised for any page."""
    parser = _markdown_with_headings() if allow_headings else _markdown()
    html = parser.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just sanitised it against the allow-list.


def spreadsheet_safe(value: str) -> str:
    """A CSV cell's text, written so that a spreadsheet never takes it for a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
