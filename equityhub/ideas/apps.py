from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "equityhub.ideas"
    label = "ideas"
    verbose_name = _("Ideas Platform")

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from equityhub.accounts.selectors import register_data_export_section
        from equityhub.ideas import moderation, personal_data, search, signals

        pre_delete.connect(
            signals.forget_supports_of_deleted_member,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="ideas-forget-supports-of-deleted-member",
        )

        search.register_models()
        moderation.register_models()
        register_data_export_section(
            "ideas", personal_data.ideas_for_export, personal_data.DESCRIPTION
        )
