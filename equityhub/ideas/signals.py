"""Keeping ideas' counts exact when rows they count go away by other routes than services."""

from typing import Any

from django.db.models import F

from equityhub.ideas.models import Idea


def forget_supports_of_deleted_member(instance: Any, **kwargs: Any) -> None:
    """A deleted account's supports vanish by cascade; take them off the counts first."""
    Idea.objects.filter(supports__user=instance).update(
        support_count=F("support_count") - 1, version=F("version") + 1
    )
