"""Reading what a visitor sees on the ideas pages, from their HTML."""

import re
from html import unescape

_CARD_TITLE = re.compile(
    r'<li class="eh-card">\s*<h3[^>]*>\s*<a class="govuk-link" href="[^"]+"[^>]*>(.*?)</a>', re.S
)


def card_titles(html: str) -> list[str]:
    """The titles of the idea cards on a list page, in order."""
    return [unescape(title) for title in _CARD_TITLE.findall(html)]
