"""The Ideas Platform's pages. Each view's docstring says who may use it."""

from equityhub.ideas.views.analysis import (
    cluster_detail,
    clusters,
    theme_suggestion_decide,
    theme_suggestions,
)
from equityhub.ideas.views.comments import (
    comment_create,
    comment_edit,
    comment_official,
    comment_remove,
)
from equityhub.ideas.views.export import idea_export
from equityhub.ideas.views.feed import IdeaFeed
from equityhub.ideas.views.gaps import gap_map
from equityhub.ideas.views.gaps_csv import gap_map_csv
from equityhub.ideas.views.lists import idea_list
from equityhub.ideas.views.page import idea_detail, idea_follow, idea_support
from equityhub.ideas.views.staff import idea_merge, idea_response, idea_status
from equityhub.ideas.views.submit import idea_create, idea_edit, idea_withdraw, similar_ideas
from equityhub.ideas.views.subscriptions import notification_settings, unsubscribe

__all__ = [
    "IdeaFeed",
    "cluster_detail",
    "clusters",
    "comment_create",
    "comment_edit",
    "comment_official",
    "comment_remove",
    "gap_map",
    "gap_map_csv",
    "idea_create",
    "idea_detail",
    "idea_edit",
    "idea_export",
    "idea_follow",
    "idea_list",
    "idea_merge",
    "idea_response",
    "idea_status",
    "idea_support",
    "idea_withdraw",
    "notification_settings",
    "similar_ideas",
    "theme_suggestion_decide",
    "theme_suggestions",
    "unsubscribe",
]
