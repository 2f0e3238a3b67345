from django.urls import path

from equityhub.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_settings, name="settings"),
    path("tokens/", views.api_token_create_view, name="token_create"),
    path("tokens/<int:token_id>/revoke/", views.api_token_revoke_view, name="token_revoke"),
    path("export/", views.data_export, name="data_export"),
    path("delete/", views.account_delete, name="delete"),
]
