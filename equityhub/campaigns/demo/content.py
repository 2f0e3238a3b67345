"""The shapes of the demo content; the editions themselves are in the modules beside this one."""

import textwrap
from dataclasses import dataclass, field
from datetime import date

from equityhub.campaigns.models import IdeasWindow


def md(text: str) -> str:
    """Markdown written indented in the source, as editors would type it."""
    return textwrap.dedent(text).strip()


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of editorial text in English and Welsh. An empty Welsh text falls back."""

    en: str
    cy: str = ""


NO_TEXT = Text("", "")


@dataclass(frozen=True, slots=True)
class DemoFaq:
    question: Text
    answer: Text


@dataclass(frozen=True, slots=True)
class DemoCampaign:
    slug: str
    year: int
    title: Text
    starts_on: date
    ends_on: date
    summary: Text
    hashtag: str = ""
    theme: Text = NO_TEXT
    body: Text = NO_TEXT
    why_health_equity: Text = NO_TEXT
    why_occupational_therapists: Text = NO_TEXT
    faqs: tuple[DemoFaq, ...] = field(default=())
    is_current: bool = False
    # Whether members may post ideas: by dates (none in the demo, so closed) or open now.
    ideas_window: str = IdeasWindow.SCHEDULED


@dataclass(frozen=True, slots=True)
class DemoPublication:
    slug: str
    campaign_slug: str
    title: Text
    summary: Text
    published_on: date
    link: str = ""
    # Where the demo writes a stand-in PDF in media storage; empty for a link only.
    file_name: str = ""
