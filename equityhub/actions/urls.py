from django.urls import path

from equityhub.actions.views import comments, dashboard, editing, exports, public

app_name = "actions"

urlpatterns = [
    path("action-plan/", public.plan, name="plan"),
    path("action-plan/new/", editing.action_create, name="create"),
    path("action-plan/<int:pk>/", public.action_detail, name="detail"),
    path("action-plan/<int:pk>/edit/", editing.action_edit, name="edit"),
    path("action-plan/<int:pk>/ideas/", editing.action_ideas, name="ideas"),
    path("action-plan/<int:pk>/ideas/<int:idea_pk>/unlink/", editing.idea_unlink, name="unlink"),
    path("action-plan/<int:pk>/status/", editing.action_status, name="status"),
    path("action-plan/<int:pk>/progress/", editing.progress_add, name="progress"),
    path("action-plan/<int:pk>/comments/", comments.comment_create, name="comment"),
    path("action-plan/comments/<int:pk>/remove/", comments.comment_remove, name="comment_remove"),
    # Level routing: the team dashboard.
    path("action-plan/teams/", dashboard.team_dashboard, name="teams"),
    path("action-plan/teams/routes/", dashboard.team_routes, name="team_routes"),
    # The plan to take away: a document made in the background, and a spreadsheet.
    path("action-plan/download/", exports.download, name="download"),
    path("action-plan/actions.csv", exports.actions_csv, name="csv"),
]
