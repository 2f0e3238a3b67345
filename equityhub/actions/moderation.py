"""How the moderation app sees comments on draft actions (moderation/registry.py)."""

from django.utils.translation import gettext_lazy as _

from equityhub.actions import services
from equityhub.actions.models import ActionComment
from equityhub.ideas.models import CommentState
from equityhub.ideas.moderation import ThreadedCommentModeration
from equityhub.moderation.registry import register


class ActionCommentModeration(ThreadedCommentModeration):
    kind = _("Comment on a draft action")
    related: tuple[str, ...] = ("author", "action")

    def title(self, obj: ActionComment) -> str:
        return str(_("Comment on “%(title)s”") % {"title": obj.action.title})

    def is_visible(self, obj: ActionComment) -> bool:
        return obj.state == CommentState.PUBLISHED and obj.action.open_for_comments

    def set_state(self, obj: ActionComment, state: str) -> None:
        services.comment_set_state(comment=obj, state=state)


def register_models() -> None:
    register(ActionComment, ActionCommentModeration())
