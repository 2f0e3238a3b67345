"""Themes and ideas in the admin (equityhub.core.admin_site).

Editors keep the list of themes, with the English and Welsh names side by side. Ideas are
shown for finding and checking only: their status, official response and moderation go
through the site's own editor and moderator pages, which record the history and tell the
followers, so every field here is read-only.
"""

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from equityhub.core.admin_site import admin_site
from equityhub.ideas import rules
from equityhub.ideas.models import Idea, Theme


@admin.register(Theme, site=admin_site)
class ThemeAdmin(TranslationAdmin):
    list_display = ("name", "slug", "position", "idea_count")
    list_editable = ("position",)
    search_fields = ("name_en", "name_cy", "slug")
    ordering = ("position", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = (
        (
            None,
            {
                "fields": (("name_en", "name_cy"), "slug", "position"),
                "description": _(
                    "Members choose themes when they post an idea, and filter the list of ideas "
                    "by them. Lower positions come first."
                ),
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Theme]:
        return super().get_queryset(request).annotate(_idea_count=Count("ideas"))

    @admin.display(description=_("ideas"), ordering="_idea_count")
    def idea_count(self, theme: Any) -> int:
        return int(theme._idea_count)


@admin.register(Idea, site=admin_site)
class IdeaAdmin(admin.ModelAdmin):
    """Read-only: editors find and check ideas here, and act on them on the idea's page."""

    list_display = (
        "title",
        "campaign",
        "level",
        "status",
        "language",
        "support_count",
        "comment_count",
        "created_at",
    )
    list_filter = ("campaign", "status", "level", "language", "themes")
    list_select_related = ("campaign",)
    search_fields = ("title", "body")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-pk")
    show_full_result_count = False
    fields = (
        "title",
        "campaign",
        "public_author",
        "show_name",
        "level",
        "themes",
        "language",
        "status",
        "status_reason",
        "body",
        "official_response",
        "official_response_at",
        "support_count",
        "comment_count",
        "merged_into",
        "created_at",
        "updated_at",
        "last_activity_at",
        "on_the_site",
    )
    readonly_fields = (*fields, "real_author")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Editors see the name the public sees; moderators and admins see who wrote it.
        if obj is not None and rules.can_see_author(request.user, obj):
            return tuple("real_author" if f == "public_author" else f for f in self.fields)
        return self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj)

    @admin.display(description=_("author"))
    def public_author(self, idea: Idea) -> str:
        return idea.public_author_name()

    @admin.display(description=_("author"))
    def real_author(self, idea: Idea) -> str:
        if idea.author is None:
            return idea.public_author_name()
        return f"{idea.author.display_name} <{idea.author.email}>"

    @admin.display(description=_("on the site"))
    def on_the_site(self, idea: Idea) -> str:
        url = idea.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Idea]:
        return super().get_queryset(request).select_related("campaign", "author")

    # Editors may look; nobody adds, changes or deletes ideas here.
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.is_editor(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return rules.is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
