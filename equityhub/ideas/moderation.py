"""How the moderation app sees ideas and comments (moderation/registry.py)."""

from typing import Any

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from equityhub.ideas import services
from equityhub.ideas.models import Comment, CommentState, Idea
from equityhub.moderation.registry import register

EXCERPT_WORDS = 60


class IdeaModeration:
    kind = _("Idea")
    related: tuple[str, ...] = ("author",)

    def title(self, obj: Idea) -> str:
        return obj.title

    def excerpt(self, obj: Idea) -> str:
        return Truncator(obj.body).words(EXCERPT_WORDS)

    def url(self, obj: Idea) -> str:
        return obj.get_absolute_url()

    def author(self, obj: Idea) -> Any:
        return obj.author

    def is_visible(self, obj: Idea) -> bool:
        return obj.is_public

    def hold(self, obj: Idea) -> None:
        services.idea_hold(idea=obj)

    def hide(self, obj: Idea, *, actor: Any, reason: str) -> None:
        services.idea_hide(idea=obj, actor=actor, reason=reason)

    def restore(self, obj: Idea, *, actor: Any, reason: str) -> None:
        services.idea_restore(idea=obj, actor=actor, reason=reason)

    def approve(self, obj: Idea, *, actor: Any) -> None:
        services.idea_restore(idea=obj, actor=actor)

    def reject(self, obj: Idea, *, actor: Any, reason: str) -> None:
        services.idea_reject(idea=obj, actor=actor, reason=reason)


class CommentModeration:
    kind = _("Comment")
    related: tuple[str, ...] = ("author", "idea")

    def title(self, obj: Comment) -> str:
        return str(_("Comment on “%(title)s”") % {"title": obj.idea.title})

    def excerpt(self, obj: Comment) -> str:
        return Truncator(obj.body).words(EXCERPT_WORDS)

    def url(self, obj: Comment) -> str:
        return obj.get_absolute_url()

    def author(self, obj: Comment) -> Any:
        return obj.author

    def is_visible(self, obj: Comment) -> bool:
        # A comment is out of sight with its idea, whatever its own state.
        return obj.state == CommentState.PUBLISHED and obj.idea.is_public

    def hold(self, obj: Comment) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PENDING)

    def hide(self, obj: Comment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.HIDDEN)

    def restore(self, obj: Comment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PUBLISHED)

    def approve(self, obj: Comment, *, actor: Any) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PUBLISHED)

    def reject(self, obj: Comment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.HIDDEN)


def register_models() -> None:
    register(Idea, IdeaModeration())
    register(Comment, CommentModeration())
