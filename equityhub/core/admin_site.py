"""The admin, open to editors and admins only (see equityhub/accounts/roles.py)."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class EquityHubAdminSite(admin.AdminSite):
    site_header = _("EquityHub administration")
    site_title = _("EquityHub administration")
    index_title = _("Content and people")

    def has_permission(self, request: HttpRequest) -> bool:
        from equityhub.accounts.roles import can_use_admin

        return can_use_admin(request.user)


admin_site = EquityHubAdminSite(name="admin")
