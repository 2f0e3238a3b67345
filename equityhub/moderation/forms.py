from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from equityhub.moderation.models import (
    DETAILS_MAX_LENGTH,
    Action,
    CaseReason,
    CaseState,
    ReportReason,
)
from equityhub.moderation.selectors import CaseFilters, kind_choices
from equityhub.moderation.services import CASE_ACTIONS, REASON_REQUIRED

_TOO_LONG = _("Enter no more than %(limit_value)d characters.")


def start_of(day: date) -> datetime:
    """Midnight at the start of `day`, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of content"), required=False)
    reason = forms.ChoiceField(
        label=_("Why it is here"),
        required=False,
        choices=[("", _("Any reason")), *CaseReason.choices],
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[(CaseState.OPEN, _("Awaiting a decision")), (CaseState.CLOSED, _("Decided"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Any kind")), *kind_choices()]
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose an option from the list."
            )

    def filters(self) -> CaseFilters:
        """The chosen filters; a value not in the lists is ignored."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return CaseFilters(
            kind=data.get("kind") or "",
            reason=data.get("reason") or "",
            state=data.get("state") or CaseState.OPEN,
        )


class DecisionLogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[("", _("All decisions")), *Action.choices],
        error_messages={"invalid_choice": _("Choose an option from the list.")},
    )

    def chosen_action(self) -> str:
        return (self.cleaned_data.get("action") or "") if self.is_valid() else ""


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why you are reporting this."),
            "invalid_choice": _("Choose why you are reporting this."),
        },
    )
    details = forms.CharField(
        label=_("Tell the moderators more (optional)"),
        help_text=_(
            "For example, what is wrong and where. Moderators read this; the author does not."
        ),
        required=False,
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _TOO_LONG},
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[(action.value, action.label) for action in CASE_ACTIONS],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what to do."),
            "invalid_choice": _("Choose what to do."),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_(
            "Kept in the decision log. You must give one to reject (the author receives it "
            "by email) or to suspend."
        ),
        required=False,
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _TOO_LONG},
    )
    suspend_until = forms.DateField(
        label=_("Suspend the author until (only to suspend)"),
        help_text=_("The member can take part again from the start of this day."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date, as year-month-day.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action in REASON_REQUIRED and not (data.get("reason") or "").strip():
            self.add_error(
                "reason",
                _("Give the reason: the author will receive it.")
                if action == Action.REJECT
                else _("Give the reason for the suspension."),
            )
        if action == Action.SUSPEND:
            until = data.get("suspend_until")
            if until is None and "suspend_until" not in self.errors:
                self.add_error("suspend_until", _("Enter the date the suspension ends."))
            elif until is not None and until <= timezone.localdate():
                self.add_error("suspend_until", _("The suspension must end after today."))
        return data

    def until(self) -> datetime | None:
        day = self.cleaned_data.get("suspend_until")
        return start_of(day) if day else None


class SuspendForm(forms.Form):
    until = forms.DateField(
        label=_("Suspend until"),
        help_text=_("The member can take part again from the start of this day."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date the suspension ends."),
            "invalid": _("Enter a real date, as year-month-day."),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Kept in the decision log."),
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Give the reason for the suspension."),
            "max_length": _TOO_LONG,
        },
    )

    def clean_until(self) -> date:
        day: date = self.cleaned_data["until"]
        if day <= timezone.localdate():
            raise forms.ValidationError(_("The suspension must end after today."))
        return day

    def until_datetime(self) -> datetime:
        return start_of(self.cleaned_data["until"])
