"""What the ideas API reads and writes (api.py). Field descriptions appear in the reference.

Names that depend on who is asking (an author who chose not to show their name) are resolved
with the request in the schema's context, so every response hides them the same way.
"""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from equityhub.api.errors import ErrorOut
from equityhub.api.params import CAMPAIGN_HELP
from equityhub.core.i18n import localized
from equityhub.ideas import rules
from equityhub.ideas.models import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Comment,
    CommentState,
    Idea,
    Language,
    Level,
    Status,
    Theme,
    public_name,
)
from equityhub.moderation.models import DETAILS_MAX_LENGTH, ReportReason

# The statuses a list may be filtered by: those anyone may read (models.READABLE_STATUSES).
ListedStatus = Literal[
    "published",
    "under_consideration",
    "accepted",
    "not_taken_forward",
    "in_action_plan",
    "implemented",
    "withdrawn",
]
SortName = Literal["newest", "supported", "discussed", "active", "random"]
MAX_QUERY_LENGTH = 200


def _request_user(context: Any) -> Any:
    return context["request"].user


def _author_name(obj: Idea | Comment, context: Any) -> str:
    """The public name, or the real one for those allowed to see past "A member"."""
    return public_name(obj.author, show_name=rules.can_see_author(_request_user(context), obj))


# Reading -------------------------------------------------------------------------------------


class ThemeOut(Schema):
    slug: str = Field(description="Use it to filter ideas and to tag a new idea.")
    name: str = Field(description="In the language of the address (/api/v1/ or /cy/api/v1/).")
    language: str = Field(description="The language of `name`: en where no Welsh is written yet.")

    @staticmethod
    def resolve_language(obj: Theme) -> str:
        return localized(obj, "name").language


class OfficialResponseOut(Schema):
    text: str = Field(description="The editors' response, in Markdown.")
    html: str = Field(description="The same response as sanitised HTML.")
    responded_at: datetime


class IdeaOut(Schema):
    id: int
    url: str = Field(description="The idea's page on the site.")
    campaign: str = Field(description="The campaign's slug.")
    title: str
    body: str = Field(description="The idea as its author wrote it, in Markdown.")
    level: Level
    level_label: str
    themes: list[ThemeOut]
    language: Language = Field(description="The language the idea is written in.")
    status: Status
    status_label: str
    author_name: str = Field(
        description="The author's name, or “A member” when they chose not to show it."
    )
    show_name: bool = Field(description="Whether the author chose to show their name.")
    support_count: int
    comment_count: int = Field(description="Comments that anyone can read.")
    created_at: datetime
    last_activity_at: datetime

    @staticmethod
    def resolve_url(obj: Idea, context: Any) -> str:
        return str(context["request"].build_absolute_uri(obj.get_absolute_url()))

    @staticmethod
    def resolve_campaign(obj: Idea) -> str:
        return obj.campaign.slug

    @staticmethod
    def resolve_level_label(obj: Idea) -> str:
        return str(Level(obj.level).label)

    @staticmethod
    def resolve_status_label(obj: Idea) -> str:
        return str(Status(obj.status).label)

    @staticmethod
    def resolve_author_name(obj: Idea, context: Any) -> str:
        return _author_name(obj, context)


class ViewerOut(Schema):
    """What the member asking has done with the idea, and may do with it now."""

    supported: bool
    following: bool
    can_edit: bool
    can_support: bool
    can_comment: bool
    can_report: bool


class IdeaDetailOut(IdeaOut):
    body_html: str = Field(description="The idea as sanitised HTML.")
    status_reason: str = Field(description="Why the idea was not taken forward; empty otherwise.")
    official_response: OfficialResponseOut | None
    updated_at: datetime
    viewer: ViewerOut | None = Field(description="Empty (null) for visitors who are not signed in.")

    @staticmethod
    def resolve_official_response(obj: Idea) -> dict[str, Any] | None:
        if not obj.official_response or obj.official_response_at is None:
            return None
        return {
            "text": obj.official_response,
            "html": obj.official_response_html,
            "responded_at": obj.official_response_at,
        }

    @staticmethod
    def resolve_viewer(obj: Idea) -> ViewerOut | None:
        return getattr(obj, "api_viewer", None)


class IdeaMissingOut(ErrorOut):
    """A 404 for an idea; when it was merged into another, `merged_into` is that idea's id."""

    merged_into: int | None = None


class CommentOut(Schema):
    id: int
    removed: bool = Field(description="Removed by its author: no text and no name remain.")
    state: CommentState = Field(
        description="published or removed; moderators also see pending and hidden comments, "
        "and authors their own pending ones."
    )
    body: str | None = Field(description="Markdown; null when removed.")
    body_html: str | None = Field(description="Sanitised HTML; null when removed.")
    author_name: str | None = Field(description="“A member” when hidden; null when removed.")
    is_official_answer: bool
    created_at: datetime
    edited_at: datetime | None

    @staticmethod
    def resolve_removed(obj: Comment) -> bool:
        return obj.state == CommentState.REMOVED

    @staticmethod
    def resolve_body(obj: Comment) -> str | None:
        return None if obj.state == CommentState.REMOVED else obj.body

    @staticmethod
    def resolve_body_html(obj: Comment) -> str | None:
        return None if obj.state == CommentState.REMOVED else obj.body_html

    @staticmethod
    def resolve_author_name(obj: Comment, context: Any) -> str | None:
        if obj.state == CommentState.REMOVED:
            return None
        return _author_name(obj, context)


class ThreadOut(CommentOut):
    replies: list[CommentOut] = Field(description="Replies, oldest first (one level only).")

    @staticmethod
    def resolve_replies(obj: Comment) -> list[Comment]:
        return list(getattr(obj, "api_replies", []))


class SupportOut(Schema):
    support_count: int = Field(description="The exact number of members supporting the idea.")
    supported: bool = Field(description="Whether you support it now.")


class ReportedOut(Schema):
    message: str


# Input -----------------------------------------------------------------------------


class IdeaIn(Schema):
    campaign: str | None = Field(None, description=CAMPAIGN_HELP)
    title: str = Field(max_length=TITLE_MAX_LENGTH)
    body: str = Field(
        max_length=BODY_MAX_LENGTH, description="Markdown: paragraphs, emphasis, lists and links."
    )
    level: Level
    themes: list[str] = Field(default_factory=list, description="Theme slugs (GET /api/v1/themes).")
    language: Language | None = Field(
        None, description="The language it is written in; the address's language when left out."
    )
    show_name: bool = Field(True, description="False shows “A member” instead of your name.")


class IdeaChangeIn(Schema):
    """Only the fields sent change; leave a field out (or send null) to keep it."""

    title: str | None = Field(None, max_length=TITLE_MAX_LENGTH)
    body: str | None = Field(None, max_length=BODY_MAX_LENGTH)
    level: Level | None = None
    themes: list[str] | None = Field(None, description="Replaces the idea's themes.")
    language: Language | None = None
    show_name: bool | None = None


class CommentIn(Schema):
    body: str = Field(max_length=COMMENT_MAX_LENGTH, description="Markdown.")
    parent: int | None = Field(
        None, ge=1, description="The comment to reply to; a reply to a reply joins its thread."
    )
    show_name: bool = Field(True, description="False shows “A member” instead of your name.")


class ReportIn(Schema):
    reason: ReportReason
    details: str = Field(
        "", max_length=DETAILS_MAX_LENGTH, description="Anything moderators should know."
    )
