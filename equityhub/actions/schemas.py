"""What the action plan API reads and writes (api.py). Field descriptions appear in the reference.

Titles, descriptions, team names and progress notes come in the language of the address
(/api/v1/ or /cy/api/v1/); where the Welsh is not written yet the English is given, and
`language` says so, as in the campaigns API.
"""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from equityhub.actions.models import (
    NOTE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Action,
    ActionIdea,
    ActionStatus,
    ProgressUpdate,
    Team,
)
from equityhub.api.params import CAMPAIGN_HELP
from equityhub.core.i18n import active_language, localized
from equityhub.core.text import markdown_to_html
from equityhub.ideas.models import Language, Level, Status
from equityhub.ideas.schemas import ThemeOut

# The statuses anyone may read (models.PUBLISHED_STATUSES), for filtering the list.
PublishedStatus = Literal["planned", "in_progress", "done", "dropped"]
LANGUAGE_HELP = "The language of the text: en where the Welsh is not written yet."


def _absolute(context: Any, path: str) -> str:
    return str(context["request"].build_absolute_uri(path))


# Reading -------------------------------------------------------------------------------------


class TeamOut(Schema):
    slug: str
    name: str = Field(description="In the language of the address.")
    language: Language = Field(description=LANGUAGE_HELP)

    @staticmethod
    def resolve_name(obj: Team) -> str:
        return localized(obj, "name").text

    @staticmethod
    def resolve_language(obj: Team) -> str:
        return localized(obj, "name").language


class ActionOut(Schema):
    id: int
    url: str = Field(description="The action's page on the site.")
    campaign: str = Field(description="The campaign's slug.")
    title: str = Field(description="In the language of the address.")
    description: str = Field(description="In the language of the address, in Markdown.")
    language: Language = Field(
        description="The language of the title and description: en when either is shown in "
        "English because its Welsh is not written yet."
    )
    team: TeamOut = Field(description="The team that owns the action.")
    level: Level
    level_label: str
    status: ActionStatus
    status_label: str
    dropped_reason: str = Field(description="Why it was dropped; empty otherwise.")
    progress: int = Field(description="How far it has come, in per cent.")
    target_date: date | None
    published_at: datetime | None
    idea_ids: list[int] = Field(description="The published ideas behind it (GET /api/v1/ideas/…).")

    @staticmethod
    def resolve_url(obj: Action, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())

    @staticmethod
    def resolve_campaign(obj: Action) -> str:
        return obj.campaign.slug

    @staticmethod
    def resolve_title(obj: Action) -> str:
        return localized(obj, "title").text

    @staticmethod
    def resolve_description(obj: Action) -> str:
        return localized(obj, "description").text

    @staticmethod
    def resolve_language(obj: Action) -> str:
        languages = {localized(obj, field).language for field in ("title", "description")}
        return "en" if "en" in languages else active_language()

    @staticmethod
    def resolve_level_label(obj: Action) -> str:
        return str(Level(obj.level).label)

    @staticmethod
    def resolve_status_label(obj: Action) -> str:
        return str(ActionStatus(obj.status).label)

    @staticmethod
    def resolve_idea_ids(obj: Action) -> list[int]:
        return [link.idea_id for link in obj.public_links]  # type: ignore[attr-defined]


class ActionIdeaOut(Schema):
    """One idea behind an action, with the editors' note on how it shaped it."""

    id: int = Field(description="The idea's id.")
    url: str = Field(description="The idea's page on the site.")
    title: str
    language: Language = Field(description="The language the idea is written in.")
    status: Status
    note: str = Field(description="How the idea shaped the action.")
    linked_at: datetime

    @staticmethod
    def resolve_id(obj: ActionIdea) -> int:
        return obj.idea_id

    @staticmethod
    def resolve_url(obj: ActionIdea, context: Any) -> str:
        return _absolute(context, obj.idea.get_absolute_url())

    @staticmethod
    def resolve_title(obj: ActionIdea) -> str:
        return obj.idea.title

    @staticmethod
    def resolve_language(obj: ActionIdea) -> str:
        return obj.idea.language

    @staticmethod
    def resolve_status(obj: ActionIdea) -> str:
        return obj.idea.status


class ProgressOut(Schema):
    id: int
    happened_on: date
    text: str = Field(description="What happened, in the language of the address.")
    language: Language = Field(description=LANGUAGE_HELP)
    progress: int = Field(description="How far the action had come, in per cent.")
    status: ActionStatus = Field(description="The action's status at the time.")

    @staticmethod
    def resolve_text(obj: ProgressUpdate) -> str:
        return localized(obj, "text").text

    @staticmethod
    def resolve_language(obj: ProgressUpdate) -> str:
        return localized(obj, "text").language


class ActionDetailOut(ActionOut):
    description_html: str = Field(description="The description as sanitised HTML.")
    themes: list[ThemeOut]
    ideas: list[ActionIdeaOut] = Field(description="The published ideas behind it, with notes.")
    timeline: list[ProgressOut] = Field(description="Progress updates, oldest first.")
    open_for_comments: bool = Field(description="A draft opened to members for comments.")
    comment_count: int = Field(description="Comments on the draft that anyone can read.")
    updated_at: datetime

    @staticmethod
    def resolve_description_html(obj: Action) -> str:
        return str(markdown_to_html(localized(obj, "description").text, allow_headings=True))

    @staticmethod
    def resolve_themes(obj: Action) -> list[Any]:
        return list(obj.themes.all())

    @staticmethod
    def resolve_ideas(obj: Action) -> list[ActionIdea]:
        return list(obj.public_links)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_timeline(obj: Action) -> list[ProgressUpdate]:
        return list(getattr(obj, "api_timeline", []))


class PlanSummaryOut(Schema):
    campaign: str = Field(description="The campaign's slug.")
    ideas_received: int = Field(description="Published ideas in the campaign.")
    ideas_shaping_actions: int = Field(description="Of which linked to a published action.")
    actions: int = Field(description="Published actions.")
    actions_done: int


# Input (editors) -----------------------------------------------------------------------------


class IdeaLinkIn(Schema):
    idea: int = Field(ge=1, description="The id of a published idea of the action's campaign.")
    note: str = Field(max_length=NOTE_MAX_LENGTH, description="How the idea shaped the action.")


class ActionIn(Schema):
    campaign: str | None = Field(None, description=CAMPAIGN_HELP)
    team: str = Field(max_length=60, description="The owning team's slug.")
    level: Level
    title_en: str = Field(max_length=TITLE_MAX_LENGTH)
    description_en: str = Field(max_length=TEXT_MAX_LENGTH, description="Markdown.")
    title_cy: str = Field("", max_length=TITLE_MAX_LENGTH)
    description_cy: str = Field("", max_length=TEXT_MAX_LENGTH, description="Markdown.")
    themes: list[str] = Field(default_factory=list, description="Theme slugs (GET /api/v1/themes).")
    target_date: date | None = None
    ideas: list[IdeaLinkIn] = Field(
        default_factory=list, description="Ideas behind it, each with its note."
    )


class ProgressIn(Schema):
    happened_on: date
    text_en: str = Field(max_length=TEXT_MAX_LENGTH, description="What happened, in English.")
    text_cy: str = Field("", max_length=TEXT_MAX_LENGTH, description="The same, in Welsh.")
    progress: int = Field(ge=0, le=100, description="How far the action has come, in per cent.")
