"""How the moderation app sees comments on draft actions (moderation/registry.py)."""

from typing import Any

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from equityhub.actions import services
from equityhub.actions.models import ActionComment
from equityhub.ideas.models import CommentState
from equityhub.moderation.registry import register

EXCERPT_WORDS = 60


class ActionCommentModeration:
    kind = _("Comment on a draft action")
    related: tuple[str, ...] = ("author", "action")

    def title(self, obj: ActionComment) -> str:
        return str(_("Comment on “%(title)s”") % {"title": obj.action.title})

    def excerpt(self, obj: ActionComment) -> str:
        return Truncator(obj.body).words(EXCERPT_WORDS)

    def url(self, obj: ActionComment) -> str:
        return obj.get_absolute_url()

    def author(self, obj: ActionComment) -> Any:
        return obj.author

    def is_visible(self, obj: ActionComment) -> bool:
        return obj.state == CommentState.PUBLISHED and obj.action.open_for_comments

    def hold(self, obj: ActionComment) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PENDING)

    def hide(self, obj: ActionComment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.HIDDEN)

    def restore(self, obj: ActionComment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PUBLISHED)

    def approve(self, obj: ActionComment, *, actor: Any) -> None:
        services.comment_set_state(comment=obj, state=CommentState.PUBLISHED)

    def reject(self, obj: ActionComment, *, actor: Any, reason: str) -> None:
        services.comment_set_state(comment=obj, state=CommentState.HIDDEN)


def register_models() -> None:
    register(ActionComment, ActionCommentModeration())
