"""Who may do what with ideas and comments. Views, the API and services all ask here.

Each rule answers for one user and one object and reads nothing from the database beyond the
user's roles (read once per request) and the member's suspension (read once per request).
"""

from datetime import datetime, timedelta
from typing import Any, Protocol

from django.utils import timezone

from equityhub.accounts.roles import ADMIN, EDITOR, MODERATOR, has_role
from equityhub.ideas.models import (
    MODERATION_STATUSES,
    READABLE_STATUSES,
    CommentState,
    Idea,
    Status,
)
from equityhub.moderation.selectors import is_suspended

COMMENT_EDIT_WINDOW = timedelta(minutes=15)
# The statuses an author may still withdraw from: before staff have decided anything.
WITHDRAWABLE_STATUSES = frozenset({Status.PENDING, Status.PUBLISHED, Status.UNDER_CONSIDERATION})
EDITABLE_STATUSES = frozenset({Status.PENDING, Status.PUBLISHED})


class CommentFacts(Protocol):
    """What the rules read of a comment: a Comment, or a row of the idea page's discussion."""

    @property
    def author_id(self) -> int | None: ...
    @property
    def state(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def show_name(self) -> bool: ...
    @property
    def idea(self) -> Idea: ...


def is_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_moderator(user: Any) -> bool:
    return has_role(user, MODERATOR) or has_role(user, ADMIN)


def is_editor(user: Any) -> bool:
    return has_role(user, EDITOR) or has_role(user, ADMIN)


def is_admin(user: Any) -> bool:
    return has_role(user, ADMIN)


def can_take_part(user: Any) -> bool:
    """Whether a member may post, support, comment and report: signed in and not suspended."""
    return is_member(user) and not is_suspended(user=user)


def is_author(user: Any, obj: Idea | CommentFacts) -> bool:
    return is_member(user) and obj.author_id is not None and obj.author_id == user.pk


def can_view_idea(user: Any, idea: Idea) -> bool:
    if idea.status in READABLE_STATUSES:
        return True
    if is_moderator(user) or is_editor(user):
        return True
    # Authors see their own pending, hidden and rejected ideas, with the reason.
    return is_author(user, idea) and idea.status != Status.MERGED


def can_see_author(user: Any, idea: Idea | CommentFacts) -> bool:
    """Whether `user` sees the real author of content whose author hid their name."""
    return idea.show_name or is_moderator(user) or is_admin(user) or is_author(user, idea)


def can_edit_idea(user: Any, idea: Idea) -> bool:
    """Authors edit until anyone has supported or discussed the idea, while ideas are open."""
    return (
        is_author(user, idea)
        and can_take_part(user)
        and idea.status in EDITABLE_STATUSES
        and idea.support_count == 0
        and idea.comment_count == 0
        and idea.campaign.ideas_are_open()
    )


def can_withdraw_idea(user: Any, idea: Idea) -> bool:
    return is_author(user, idea) and idea.status in WITHDRAWABLE_STATUSES


def can_support_idea(user: Any, idea: Idea) -> bool:
    return (
        can_take_part(user)
        and not is_author(user, idea)
        and idea.is_public
        and idea.campaign.ideas_are_open()
    )


def can_comment_on_idea(user: Any, idea: Idea) -> bool:
    return can_take_part(user) and idea.is_public and idea.campaign.ideas_are_open()


def can_follow_idea(user: Any, idea: Idea) -> bool:
    return is_member(user) and can_view_idea(user, idea) and idea.status != Status.MERGED


def can_report(user: Any, obj: Idea | CommentFacts) -> bool:
    if not can_take_part(user) or is_author(user, obj):
        return False
    if isinstance(obj, Idea):
        return obj.is_public
    return obj.state == CommentState.PUBLISHED and obj.idea.is_public


def can_edit_comment(user: Any, comment: CommentFacts) -> bool:
    return (
        is_author(user, comment)
        and can_take_part(user)
        and comment.state == CommentState.PUBLISHED
        and timezone.now() - comment.created_at <= COMMENT_EDIT_WINDOW
    )


def can_remove_comment(user: Any, comment: CommentFacts) -> bool:
    return is_author(user, comment) and comment.state != CommentState.REMOVED


def can_mark_official_answer(user: Any, comment: CommentFacts) -> bool:
    return (is_moderator(user) or is_editor(user)) and comment.state == CommentState.PUBLISHED


def can_set_status(user: Any, idea: Idea) -> bool:
    return is_editor(user) and idea.status not in MODERATION_STATUSES | {Status.MERGED}


def can_respond(user: Any, idea: Idea) -> bool:
    return is_editor(user) and idea.status in READABLE_STATUSES


def can_moderate(user: Any) -> bool:
    return is_moderator(user)


def can_export_ideas(user: Any) -> bool:
    return is_editor(user)
