"""The Ideas Platform's part of a member's data export ("Download your data").

Registered with equityhub.accounts.selectors.register_data_export_section in IdeasConfig.ready.
It holds what the member wrote and did, and nothing about anyone else: the ideas they
supported and followed appear by their title and address only, never with their authors.
"""

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from equityhub.ideas.models import (
    Comment,
    Follow,
    Idea,
    NotificationPreference,
    Support,
    Theme,
)

DESCRIPTION = _(
    "the ideas and comments you have posted, whether each shows your name, the ideas you "
    "support and follow, and which emails about ideas you want"
)


def _idea_reference(idea: Idea) -> dict[str, Any]:
    return {"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url()}


def ideas_for_export(*, user: Any) -> dict[str, Any]:
    """The member's ideas, comments, supports, follows and email choices (six queries)."""
    ideas = (
        Idea.objects.filter(author=user)
        .select_related("campaign")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "slug")))
        .order_by("created_at", "pk")
    )
    comments = (
        Comment.objects.filter(author=user).select_related("idea").order_by("created_at", "pk")
    )
    supports = Support.objects.filter(user=user).select_related("idea").order_by("created_at")
    follows = Follow.objects.filter(user=user).select_related("idea").order_by("created_at")
    preference = NotificationPreference.objects.filter(user=user).first()
    return {
        "ideas": [
            {
                "id": idea.pk,
                "url": idea.get_absolute_url(),
                "campaign": idea.campaign.slug,
                "title": idea.title,
                "body": idea.body,
                "level": idea.level,
                "themes": [theme.slug for theme in idea.themes.all()],
                "language": idea.language,
                "show_name": idea.show_name,
                "status": idea.status,
                "status_reason": idea.status_reason,
                "official_response": idea.official_response,
                "official_response_at": idea.official_response_at,
                "support_count": idea.support_count,
                "comment_count": idea.comment_count,
                "created_at": idea.created_at,
                "updated_at": idea.updated_at,
            }
            for idea in ideas
        ],
        "comments": [
            {
                "id": comment.pk,
                "idea": _idea_reference(comment.idea),
                "reply_to": comment.parent_id,
                "body": comment.body,
                "show_name": comment.show_name,
                "state": comment.state,
                "created_at": comment.created_at,
                "edited_at": comment.edited_at,
            }
            for comment in comments
        ],
        "supports": [
            {"idea": _idea_reference(support.idea), "created_at": support.created_at}
            for support in supports
        ],
        "follows": [
            {"idea": _idea_reference(follow.idea), "created_at": follow.created_at}
            for follow in follows
        ],
        "email_about_ideas": {
            kind: preference.wants(kind) if preference is not None else True
            for kind in ("status", "response", "comment", "reply")
        },
    }
