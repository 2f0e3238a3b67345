from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "equityhub.api"
    label = "api"
    verbose_name = "API"
