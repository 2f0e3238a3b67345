from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "equityhub.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from equityhub.accounts import roles

        # Permissions exist only after every app has migrated, so roles get theirs then.
        post_migrate.connect(roles.grant_role_permissions, dispatch_uid="accounts-roles")
