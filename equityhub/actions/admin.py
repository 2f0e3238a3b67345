"""Teams, level routing and the action plan in the admin (equityhub.core.admin_site).

Editors keep the teams (names in English and Welsh side by side, and their members) and may
give each level to a team here as well as on the team dashboard; both go through
`services.level_route_set`. Actions, the ideas behind them and their progress are shown for
finding and checking only: they change on the action plan's own pages, whose services move the
linked ideas along and tell their followers, so every field here is read-only.
"""

from typing import Any

from django.contrib import admin
from django.db.models import Count, Prefetch, Q, QuerySet
from django.forms import ModelMultipleChoiceField
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from equityhub.accounts.models import User
from equityhub.accounts.roles import ADMIN, EDITOR
from equityhub.actions import rules, services
from equityhub.actions.models import Action, ActionIdea, LevelRoute, ProgressUpdate, Team
from equityhub.core.admin_site import admin_site
from equityhub.ideas.models import Level


@admin.register(Team, site=admin_site)
class TeamAdmin(TranslationAdmin):
    list_display = ("name", "slug", "levels", "member_count")
    search_fields = ("name_en", "name_cy", "slug")
    ordering = ("name_en", "pk")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("members",)
    fieldsets = (
        (
            None,
            {
                "fields": (("name_en", "name_cy"), "slug", "members"),
                "description": _(
                    "A team writes the official responses to the ideas at the levels it "
                    "answers, and owns actions. Its members see its ideas on the team dashboard "
                    "and get its weekly email. Only editors and admins can be members."
                ),
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Team]:
        return (
            super()
            .get_queryset(request)
            .annotate(_member_count=Count("members", distinct=True))
            .prefetch_related(Prefetch("routes", queryset=LevelRoute.objects.order_by("level")))
        )

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField | None:
        if db_field.name == "members":
            # Team members use the editors' dashboard: offer the active editors and admins.
            kwargs["queryset"] = (
                User.objects.filter(is_active=True)
                .filter(Q(groups__name__in=(EDITOR, ADMIN)) | Q(is_superuser=True))
                .distinct()
                .order_by("display_name", "email")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("levels it answers"))
    def levels(self, team: Team) -> str:
        return ", ".join(str(Level(route.level).label) for route in team.routes.all()) or "–"

    @admin.display(description=_("members"), ordering="_member_count")
    def member_count(self, team: Any) -> int:
        return int(team._member_count)


@admin.register(LevelRoute, site=admin_site)
class LevelRouteAdmin(admin.ModelAdmin):
    """Which team answers each level; the team dashboard offers the same choice."""

    list_display = ("level", "team")
    list_editable = ("team",)
    list_select_related = ("team",)
    ordering = ("level",)
    fields = ("level", "team")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A route belongs to its level for good; it only ever changes team.
        return ("level",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: LevelRoute, form: Any, change: bool) -> None:
        route = services.level_route_set(level=obj.level, team=obj.team, actor=request.user)
        obj.pk = route.pk

    # Every level keeps a team once it has one.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.can_edit_plan(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ActionIdeaInline(_ReadOnlyInline):
    model = ActionIdea
    verbose_name = _("idea behind the action")
    verbose_name_plural = _("ideas behind the action")
    fields = ("idea", "note", "linked_at")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[ActionIdea]:
        return super().get_queryset(request).select_related("idea")


class ProgressUpdateInline(_ReadOnlyInline):
    model = ProgressUpdate
    fields = ("happened_on", "status", "progress", "text_en", "text_cy")
    readonly_fields = fields


class _ReadOnlyAdmin(admin.ModelAdmin):
    """Editors may look; nobody adds, changes or deletes here."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.can_edit_plan(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return rules.can_edit_plan(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Action, site=admin_site)
class ActionAdmin(_ReadOnlyAdmin):
    """Read-only: actions are written, linked, published and moved on in the action plan's
    pages, which move the ideas behind them and tell their followers."""

    list_display = ("title", "campaign", "status", "level", "team", "progress_percent")
    list_filter = ("campaign", "status", "level", "team")
    list_select_related = ("campaign", "team")
    search_fields = ("title_en", "title_cy", "description_en", "description_cy")
    ordering = ("campaign", "level", "target_date", "pk")
    show_full_result_count = False
    fields = (
        "title_en",
        "title_cy",
        "campaign",
        "team",
        "level",
        "themes",
        "status",
        "dropped_reason",
        "target_date",
        "progress",
        "open_for_comments",
        "published_at",
        "description_en",
        "description_cy",
        "comment_count",
        "created_at",
        "updated_at",
        "on_the_site",
    )
    readonly_fields = fields
    inlines = (ActionIdeaInline, ProgressUpdateInline)

    @admin.display(description=_("progress"), ordering="progress")
    def progress_percent(self, action: Action) -> str:
        return f"{action.progress}%"

    @admin.display(description=_("on the site"))
    def on_the_site(self, action: Action) -> str:
        links = [(action.get_absolute_url(), _("Read it"))]
        links.append((reverse("actions:edit", kwargs={"pk": action.pk}), _("Change it")))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)


@admin.register(ProgressUpdate, site=admin_site)
class ProgressUpdateAdmin(_ReadOnlyAdmin):
    """Read-only: editors add progress on the action's page."""

    list_display = ("action", "happened_on", "status", "progress")
    list_filter = ("status",)
    list_select_related = ("action",)
    search_fields = ("text_en", "text_cy", "action__title_en", "action__title_cy")
    date_hierarchy = "happened_on"
    ordering = ("-happened_on", "-pk")
    fields = ("action", "happened_on", "status", "progress", "text_en", "text_cy", "author")
    readonly_fields = fields
