"""Forms for the ideas pages. They check what was sent and keep it for a page shown again."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import active_language, localized
from equityhub.core.memo import TRANSLATION_SETTINGS, forgotten_when_changed
from equityhub.ideas.listing import ThemeRow
from equityhub.ideas.models import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    READABLE_STATUSES,
    REASON_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Language,
    Level,
    NotificationPreference,
    Status,
    Theme,
)
from equityhub.ideas.selectors import IdeaFilters, Sort

SEARCH_MAX_LENGTH = 200
MARKDOWN_HELP = _(
    "You can use **bold**, *italics*, lists, quotes and links written as [words](https://…). "
    "Headings, images and HTML are shown as plain text."
)
SORT_CHOICES = [
    (Sort.NEWEST, _("Newest")),
    (Sort.SUPPORTED, _("Most supported")),
    (Sort.DISCUSSED, _("Most discussed")),
    (Sort.ACTIVE, _("Recent activity")),
    (Sort.RANDOM, _("Random order")),
]
# Statuses a visitor can ask the list for, in workflow order.
LISTED_STATUSES = [(value, label) for value, label in Status.choices if value in READABLE_STATUSES]


def theme_choices(themes: Iterable[Theme | ThemeRow]) -> list[tuple[str, str]]:
    return [(theme.slug, localized(theme, "name").text) for theme in themes]


class _SharedChoices:
    """A choice field whose copies share its list of choices.

    Django deep-copies every field, choices and all, for each form it makes. The list's filter
    form is made on every request, and copying its four fixed lists (every label a lazy
    translation) was a third of the cost of making it. Nothing edits these lists in place:
    the themes' field is given a new list (`IdeaFilterForm.__init__`).
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return forms.Field.__deepcopy__(cast(forms.Field, self), memo)


class SharedMultipleChoiceField(_SharedChoices, forms.MultipleChoiceField):
    pass


class SharedChoiceField(_SharedChoices, forms.ChoiceField):
    pass


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Themes by slug, each labelled with its name in the page's language."""

    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name").text


@dataclass(frozen=True, slots=True)
class FilterOption:
    id: str
    value: str
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class FilterGroup:
    """One set of checkboxes (or the options of a select) of the list's filters."""

    name: str
    legend: str
    options: list[FilterOption]
    errors: list[str]


class IdeaFilterForm(forms.Form):
    """The list's filters, search and order, read from the query string.

    A value that is not on offer is reported and left out; the others still apply.
    """

    q = forms.CharField(
        label=_("Search ideas"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={"max_length": _("Enter no more than %(limit_value)d characters.")},
    )
    level = SharedMultipleChoiceField(
        label=_("Level"),
        choices=Level.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose levels from the list.")},
    )
    theme = SharedMultipleChoiceField(
        label=_("Theme"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose themes from the list.")},
    )
    status = SharedMultipleChoiceField(
        label=_("Status"),
        choices=LISTED_STATUSES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose statuses from the list.")},
    )
    language = SharedMultipleChoiceField(
        label=_("Written in"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose English or Cymraeg.")},
    )
    sort = SharedChoiceField(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose an order from the list.")},
    )
    campaign = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, themes: Iterable[Theme | ThemeRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["theme"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = theme_choices(themes)

    def value(self, name: str) -> Any:
        """The cleaned value of a field, or its empty value when it was missing or wrong."""
        if not self.is_bound:
            return self.fields[name].initial
        self.is_valid()
        return self.cleaned_data.get(name)

    @property
    def sort_value(self) -> str:
        return self.value("sort") or Sort.NEWEST

    def group(self, name: str) -> FilterGroup:
        """A field's choices with what was chosen, drawn without Django's widget machinery:
        the list page shows them on every request, and this is several times faster."""
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        chosen = self.value(name) if name != "sort" else self.sort_value
        selected = set(chosen) if isinstance(chosen, list) else {chosen}
        legend, choices = _fixed_choices(name, get_language())
        if name == "theme":  # the only choices that are not fixed: editors keep the themes
            choices = tuple(cast(list[tuple[str, str]], field.choices))
        options = [
            FilterOption(f"id_{name}_{n}", value, label, value in selected)
            for n, (value, label) in enumerate(choices)
        ]
        errors = [str(error) for error in self.errors.get(name, [])] if self.is_bound else []
        return FilterGroup(name, legend, options, errors)

    def groups(self) -> list[FilterGroup]:
        return [self.group(name) for name in ("level", "theme", "status", "language")]

    def filters(self, *, campaign: Campaign, seed: int = 0) -> IdeaFilters:
        return IdeaFilters(
            campaign=campaign,
            levels=tuple(self.value("level") or ()),
            themes=tuple(self.value("theme") or ()),
            statuses=tuple(self.value("status") or ()),
            languages=tuple(self.value("language") or ()),
            query=self.value("q") or "",
            sort=self.sort_value,
            seed=seed,
        )


def campaign_slug(query: QueryDict) -> str | None:
    """The campaign a list's address names, if it names one as `IdeaFilterForm` accepts it: the
    list reads its campaign before it makes the form."""
    try:
        return IdeaFilterForm.base_fields["campaign"].clean(query.get("campaign")) or None
    except ValidationError:
        return None


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=32)
def _fixed_choices(name: str, language: str | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A filter's legend and choices as `IdeaFilterForm` declares them, in `language`: the
    list shows them on every request, and each lazy label is otherwise translated each time."""
    field = IdeaFilterForm.base_fields[name]
    assert isinstance(field, forms.ChoiceField)
    choices = cast(list[tuple[str, Any]], field.choices)
    return str(field.label), tuple((str(value), str(label)) for value, label in choices)


class IdeaForm(forms.Form):
    """A new idea, or the author's edit of one."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("Say in one sentence what could change. Ideas like yours appear as you type."),
        error_messages={
            "required": _("Enter a title for your idea."),
            "max_length": _("Enter a title of %(limit_value)d characters or fewer."),
        },
    )
    body = forms.CharField(
        label=_("Describe your idea"),
        max_length=BODY_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Describe your idea."),
            "max_length": _("Enter a description of %(limit_value)d characters or fewer."),
        },
    )
    level = forms.ChoiceField(
        label=_("Who could act on it?"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who could act on your idea."),
            "invalid_choice": _("Choose one of the four levels."),
        },
    )
    themes = ThemeChoiceField(
        label=_("Themes (optional)"),
        queryset=Theme.objects.order_by("position", "slug"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose themes from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Which language are you writing in?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose English or Cymraeg."),
            "invalid_choice": _("Choose English or Cymraeg."),
        },
    )
    show_name = forms.BooleanField(
        label=_("Show my name with this idea"),
        required=False,
        initial=True,
        help_text=_(
            "If you untick this, everyone sees “A member” instead of your name. "
            "Moderators can still see who posted it."
        ),
    )
    # A field that people never see: only programs that fill in every field write in it.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = active_language()
        # The character count tells people when they go over; the browser must not cut them off.
        self.fields["title"].widget.attrs.pop("maxlength", None)
        self.fields["body"].widget.attrs.pop("maxlength", None)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def idea_fields(self) -> dict[str, Any]:
        """What the services take, from a valid form."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["body"],
            "level": data["level"],
            "language": data["language"],
            "themes": list(data["themes"]),
            "show_name": data["show_name"],
        }


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write your comment before posting it."),
            "max_length": _("Enter a comment of %(limit_value)d characters or fewer."),
        },
    )
    show_name = forms.BooleanField(
        label=_("Show my name with this comment"), required=False, initial=True
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs.pop("maxlength", None)


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write your comment before saving it."),
            "max_length": _("Enter a comment of %(limit_value)d characters or fewer."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs.pop("maxlength", None)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing it? (optional)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Enter a reason of %(limit_value)d characters or fewer.")},
    )


class StatusForm(forms.Form):
    """An editor's move of an idea along the workflow; `choices` are the moves allowed now."""

    status = forms.ChoiceField(
        label=_("New status"),
        error_messages={
            "required": _("Choose the idea's new status."),
            "invalid_choice": _("Choose one of the statuses offered."),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Needed for “Not taken forward”: the author and followers will read it."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Enter a reason of %(limit_value)d characters or fewer.")},
    )

    def __init__(self, *args: Any, statuses: Iterable[str], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "status")
        super().__init__(*args, **kwargs)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)
        allowed = set(statuses)
        field.choices = [(value, label) for value, label in Status.choices if value in allowed]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Status.NOT_TAKEN_FORWARD and not data.get("reason", "").strip():
            self.add_error(
                "reason",
                _("Say why the idea is not being taken forward: its author will read it."),
            )
        return data


class ResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Official response"),
        max_length=BODY_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write the response before publishing it."),
            "max_length": _("Enter a response of %(limit_value)d characters or fewer."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "response")
        super().__init__(*args, **kwargs)


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the idea to merge this one into"),
        min_value=1,
        help_text=_("The number is in the idea's address: /ideas/123/ is idea 123."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter the number of the idea to merge into."),
            "invalid": _("Enter the idea's number, like 123."),
            "min_value": _("Enter the idea's number, like 123."),
        },
    )
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Enter a reason of %(limit_value)d characters or fewer.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "merge")
        super().__init__(*args, **kwargs)


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["on_status", "on_response", "on_comment", "on_reply"]
        labels = {
            "on_status": _("When an idea I follow changes status"),
            "on_response": _("When an idea I follow gets an official response"),
            "on_comment": _("When someone comments on an idea I follow"),
            "on_reply": _("When someone replies to my comment"),
        }
