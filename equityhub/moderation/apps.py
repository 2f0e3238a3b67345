from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "equityhub.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from equityhub.moderation.models import WordRule
        from equityhub.moderation.signals import forget_word_rules

        post_save.connect(forget_word_rules, sender=WordRule, dispatch_uid="word-rules-saved")
        post_delete.connect(forget_word_rules, sender=WordRule, dispatch_uid="word-rules-deleted")
