"""Campaigns, FAQs and publications in the admin, for editors (equityhub.core.admin_site).

English and Welsh fields sit side by side on one row, so editors see what is still to translate.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.campaigns.services import campaign_set_current, campaign_unset_current
from equityhub.core.admin_site import admin_site


def _side_by_side(*fields: str) -> tuple[tuple[str, str], ...]:
    """Each translated field as an (English, Welsh) pair on one admin row."""
    return tuple((f"{field}_en", f"{field}_cy") for field in fields)


class CampaignAdminForm(forms.ModelForm):
    """The admin builds the fields from CampaignAdmin.fieldsets."""

    def validate_constraints(self) -> None:
        # Ticking "current edition" while another edition is current is allowed: saving moves
        # the flag with campaign_set_current, in one transaction, so the one-current constraint
        # holds in the database. Validate the other constraints as usual.
        if not self.cleaned_data.get("is_current"):
            super().validate_constraints()
            return
        self.instance.is_current = False
        try:
            super().validate_constraints()
        finally:
            self.instance.is_current = True


class FaqInline(TranslationTabularInline):
    model = Faq
    fields = ("position", "question_en", "question_cy", "answer_en", "answer_cy")
    ordering = ("position", "pk")
    extra = 1


@admin.register(Campaign, site=admin_site)
class CampaignAdmin(TranslationAdmin):
    form = CampaignAdminForm
    list_display = (
        "title",
        "year",
        "starts_on",
        "ends_on",
        "hashtag",
        "is_current",
        "is_published",
    )
    list_display_links = ("title",)
    list_filter = ("is_current", "is_published", "year")
    search_fields = ("title_en", "title_cy", "hashtag", "theme_en", "theme_cy", "slug")
    ordering = ("-year", "-starts_on")
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ("title_en",)}
    actions = ("make_current", "unset_current")
    inlines = (FaqInline,)
    fieldsets = (
        (None, {"fields": (*_side_by_side("title"), "slug", "year", "hashtag")}),
        (_("When"), {"fields": (("starts_on", "ends_on"),)}),
        (_("On the home page"), {"fields": ("is_current", "is_published")}),
        (
            _("Ideas Platform"),
            {
                "fields": (
                    ("ideas_open_at", "ideas_close_at"),
                    "ideas_window",
                    "ideas_premoderated",
                ),
                "description": _(
                    "Members may post, support and comment on ideas between the opening and "
                    "closing times. Choose open or closed to override the times."
                ),
            },
        ),
        (
            _("Text"),
            {
                "fields": _side_by_side(
                    "theme", "summary", "body", "why_health_equity", "why_occupational_therapists"
                ),
                "description": _(
                    "Markdown is allowed in the longer fields. Leave a Welsh field empty until "
                    "its translation is ready: the page shows the English, marked as such."
                ),
            },
        ),
    )

    def save_model(self, request: HttpRequest, obj: Campaign, form: Any, change: bool) -> None:
        # The admin runs this inside the change view's transaction, so the save and the move of
        # the "current" flag commit together.
        make_current = obj.is_current
        if make_current:
            # Saved as not current first; the service then moves the flag from the previous
            # current edition to this one.
            obj.is_current = False
        super().save_model(request, obj, form, change)
        if make_current:
            campaign_set_current(campaign=obj)

    @admin.action(description=_("Make the selected campaign the current one"))
    def make_current(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        if queryset.count() != 1:
            self.message_user(
                request, _("Select exactly one campaign to make current."), messages.ERROR
            )
            return
        campaign = queryset.get()
        campaign_set_current(campaign=campaign)
        self.message_user(
            request,
            _("“%(campaign)s” is now the current campaign.") % {"campaign": campaign},
            messages.SUCCESS,
        )

    @admin.action(description=_("Stop showing the selected campaigns as current"))
    def unset_current(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        count = 0
        for campaign in queryset.filter(is_current=True):
            campaign_unset_current(campaign=campaign)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d campaign is no longer current.",
                "%(count)d campaigns are no longer current.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Faq, site=admin_site)
class FaqAdmin(TranslationAdmin):
    list_display = ("question", "campaign", "position")
    list_filter = ("campaign",)
    list_select_related = ("campaign",)
    search_fields = ("question_en", "question_cy", "answer_en", "answer_cy")
    ordering = ("campaign", "position", "pk")
    autocomplete_fields = ("campaign",)
    fieldsets = (
        (None, {"fields": ("campaign", "position", *_side_by_side("question", "answer"))}),
    )


@admin.register(Publication, site=admin_site)
class PublicationAdmin(TranslationAdmin):
    list_display = ("title", "published_on", "campaign", "has_file", "has_link")
    list_filter = ("campaign", "published_on")
    list_select_related = ("campaign",)
    search_fields = ("title_en", "title_cy", "summary_en", "summary_cy", "slug")
    ordering = ("-published_on", "title_en")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("campaign",)
    fieldsets = (
        (None, {"fields": (*_side_by_side("title"), "slug", "campaign", "published_on")}),
        (_("Summary"), {"fields": _side_by_side("summary")}),
        (
            _("Where to read it"),
            {
                "fields": ("file", "link"),
                "description": _("Upload a file, give a link, or both."),
            },
        ),
    )

    @admin.display(boolean=True, description=_("file"))
    def has_file(self, publication: Publication) -> bool:
        return bool(publication.file)

    @admin.display(boolean=True, description=_("link"))
    def has_link(self, publication: Publication) -> bool:
        return bool(publication.link)
