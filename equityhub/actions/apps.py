from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "equityhub.actions"
    label = "actions"
    verbose_name = _("Action plan")

    def ready(self) -> None:
        from equityhub.actions import moderation

        moderation.register_models()
