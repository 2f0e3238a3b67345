from django.urls import path

from equityhub.ideas import views

app_name = "ideas"

urlpatterns = [
    path("ideas/", views.idea_list, name="list"),
    path("ideas/new/", views.idea_create, name="create"),
    path("ideas/similar/", views.similar_ideas, name="similar"),
    path("ideas/feed/", views.IdeaFeed(), name="feed"),
    path("ideas/export.csv", views.idea_export, name="export"),
    path("ideas/notifications/", views.notification_settings, name="notifications"),
    path("ideas/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("ideas/gaps/", views.gap_map, name="gaps"),
    path("ideas/gaps.csv", views.gap_map_csv, name="gaps_csv"),
    path("ideas/themes/suggestions/", views.theme_suggestions, name="theme_suggestions"),
    path(
        "ideas/themes/suggestions/<int:pk>/",
        views.theme_suggestion_decide,
        name="theme_suggestion",
    ),
    path("ideas/clusters/", views.clusters, name="clusters"),
    path("ideas/clusters/<int:pk>/", views.cluster_detail, name="cluster"),
    path("ideas/<int:pk>/", views.idea_detail, name="detail"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="edit"),
    path("ideas/<int:pk>/withdraw/", views.idea_withdraw, name="withdraw"),
    path("ideas/<int:pk>/support/", views.idea_support, name="support"),
    path("ideas/<int:pk>/follow/", views.idea_follow, name="follow"),
    path("ideas/<int:pk>/status/", views.idea_status, name="status"),
    path("ideas/<int:pk>/response/", views.idea_response, name="response"),
    path("ideas/<int:pk>/merge/", views.idea_merge, name="merge"),
    path("ideas/<int:pk>/comments/", views.comment_create, name="comment"),
    path("ideas/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("ideas/comments/<int:pk>/remove/", views.comment_remove, name="comment_remove"),
    path("ideas/comments/<int:pk>/official/", views.comment_official, name="comment_official"),
]
