from django.urls import path

from equityhub.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("log/", views.decision_log, name="log"),
    path("report/<str:kind>/<int:pk>/", views.report, name="report"),
    path("members/<int:pk>/suspend/", views.suspend, name="suspend"),
]
