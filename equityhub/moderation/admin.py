"""Moderation in the admin: editors keep the word list; admins may read the decision log.

Decisions are the audit trail, so nobody adds, changes or deletes them here: the moderation
pages record them.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from equityhub.core.admin_site import admin_site
from equityhub.moderation.models import Decision, WordRule


@admin.register(WordRule, site=admin_site)
class WordRuleAdmin(admin.ModelAdmin):
    list_display = ("phrase", "is_active", "created_at")
    list_editable = ("is_active",)
    list_filter = ("is_active",)
    search_fields = ("phrase",)
    ordering = ("phrase",)
    fields = ("phrase", "is_active")


@admin.register(Decision, site=admin_site)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "title", "moderator", "subject")
    list_filter = ("action",)
    list_select_related = ("moderator", "subject")
    search_fields = ("title", "reason")
    date_hierarchy = "created_at"
    readonly_fields = (
        "created_at",
        "action",
        "title",
        "reason",
        "moderator",
        "subject",
        "case",
        "content_type",
        "object_id",
    )
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
