"""Ideas pages (being built)."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404


def _missing(*args: Any, **kwargs: Any) -> Any:
    raise Http404


idea_list = idea_create = similar_ideas = idea_export = notification_settings = _missing
unsubscribe = idea_detail = idea_edit = idea_withdraw = idea_support = idea_follow = _missing
idea_status = idea_response = idea_merge = comment_create = comment_edit = _missing
comment_remove = comment_official = _missing


class IdeaFeed(Feed):
    pass
