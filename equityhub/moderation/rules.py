"""Who may do what in moderation. Views and services ask here.

Moderators and admins work the queue. Members report what others wrote, while it is visible
and while their account is not suspended. Content is seen only through its registered adapter.
"""

from typing import Any

from django.db.models import Model

from equityhub.accounts.roles import ADMIN, MODERATOR, has_role
from equityhub.moderation.registry import adapter_for
from equityhub.moderation.selectors import is_suspended


def is_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_moderate(user: Any) -> bool:
    return has_role(user, MODERATOR) or has_role(user, ADMIN)


def can_take_part(user: Any) -> bool:
    return is_member(user) and not is_suspended(user=user)


def is_author(user: Any, content: Model) -> bool:
    author = adapter_for(type(content)).author(content)
    return is_member(user) and author is not None and author.pk == user.pk


def can_report(user: Any, content: Model) -> bool:
    return (
        can_take_part(user)
        and not is_author(user, content)
        and adapter_for(type(content)).is_visible(content)
    )
