"""Who may do what with the action plan. Views, the API and services all ask here.

Only editors change the plan. Anyone reads published actions. Members read, and comment on, a
draft only while editors have opened it to them.
"""

from typing import Any

from equityhub.actions.models import Action, ActionComment
from equityhub.ideas.models import CommentState
from equityhub.ideas.rules import can_take_part, is_editor, is_member


def can_edit_plan(user: Any) -> bool:
    return is_editor(user)


def can_view_action(user: Any, action: Action) -> bool:
    if action.is_published or is_editor(user):
        return True
    return action.open_for_comments and is_member(user)


def can_comment_on_action(user: Any, action: Action) -> bool:
    return action.open_for_comments and can_take_part(user)


def can_remove_action_comment(user: Any, comment: ActionComment) -> bool:
    return (
        is_member(user) and comment.author_id == user.pk and comment.state != CommentState.REMOVED
    )


def can_see_team_dashboard(user: Any) -> bool:
    return is_editor(user)
