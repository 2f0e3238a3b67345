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


class ThreadedCommentModeration:
    """Moderation of comments in any discussion: their visibility is their state, which the
    discussion's own service changes (`set_state`), so its counts stay right."""

    kind: Any
    related: tuple[str, ...]

    def set_state(self, obj: Any, state: str) -> None:
        raise NotImplementedError

    def excerpt(self, obj: Any) -> str:
        return Truncator(obj.body).words(EXCERPT_WORDS)

    def url(self, obj: Any) -> str:
        return str(obj.get_absolute_url())

    def author(self, obj: Any) -> Any:
        return obj.author

    def hold(self, obj: Any) -> None:
        self.set_state(obj, CommentState.PENDING)

    def hide(self, obj: Any, *, actor: Any, reason: str) -> None:
        self.set_state(obj, CommentState.HIDDEN)

    def restore(self, obj: Any, *, actor: Any, reason: str) -> None:
        self.set_state(obj, CommentState.PUBLISHED)

    def approve(self, obj: Any, *, actor: Any) -> None:
        self.set_state(obj, CommentState.PUBLISHED)

    def reject(self, obj: Any, *, actor: Any, reason: str) -> None:
        self.set_state(obj, CommentState.HIDDEN)


class CommentModeration(ThreadedCommentModeration):
    kind = _("Comment")
    related: tuple[str, ...] = ("author", "idea")

    def title(self, obj: Comment) -> str:
        return str(_("Comment on “%(title)s”") % {"title": obj.idea.title})

    def is_visible(self, obj: Comment) -> bool:
        # A comment is out of sight with its idea, whatever its own state.
        return obj.state == CommentState.PUBLISHED and obj.idea.is_public

    def set_state(self, obj: Comment, state: str) -> None:
        services.comment_set_state(comment=obj, state=state)


def register_models() -> None:
    register(Idea, IdeaModeration())
    register(Comment, CommentModeration())
