from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "equityhub.ideas"
    label = "ideas"
    verbose_name = _("Ideas Platform")

    def ready(self) -> None:
        from equityhub.ideas import moderation, search

        search.register_models()
        moderation.register_models()
