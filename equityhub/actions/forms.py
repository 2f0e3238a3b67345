"""Forms for the action plan: the edge where editors' input is checked. Comments on drafts use
the Ideas Platform's own comment form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from equityhub.actions.models import (
    NOTE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ActionStatus,
    Team,
)
from equityhub.ideas.models import Level, Theme


class ActionForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=TITLE_MAX_LENGTH)
    title_cy = forms.CharField(
        label=_("Title in Welsh"),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        help_text=_("Leave empty until the translation is ready: the English shows meanwhile."),
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What will be done, by whom and why. Markdown: **bold**, lists, links."),
    )
    description_cy = forms.CharField(
        label=_("Description in Welsh"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, widget=forms.RadioSelect)
    team = forms.ModelChoiceField(
        label=_("Owning team"), queryset=Team.objects.order_by("name", "pk"), empty_label=None
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("position", "slug"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_date = forms.DateField(
        label=_("Target date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example, 2022-03-31."),
    )


class LinkIdeaForm(forms.Form):
    idea = forms.IntegerField(label=_("Idea number"), min_value=1)
    note = forms.CharField(
        label=_("How this idea shaped the action"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IdeaSearchForm(forms.Form):
    q = forms.CharField(label=_("Find ideas to link"), required=False, max_length=200)


class PublishForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Publish as"),
        choices=[
            (ActionStatus.PLANNED, ActionStatus.PLANNED.label),
            (ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS.label),
        ],
        widget=forms.RadioSelect,
        initial=ActionStatus.PLANNED,
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(value, label) for value, label in ActionStatus.choices if value != "draft"],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why it was dropped"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed only when the action is dropped."),
    )
    mark_ideas_implemented = forms.BooleanField(
        label=_("Mark the ideas behind it as implemented"),
        required=False,
        help_text=_("Only when the action is done. Their followers get an email."),
    )


class ProgressForm(forms.Form):
    happened_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    text_en = forms.CharField(
        label=_("What happened, in English"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text_cy = forms.CharField(
        label=_("What happened, in Welsh"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
