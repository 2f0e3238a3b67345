from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from equityhub.accounts import services
from equityhub.accounts.models import Language, Profession, Region, User
from equityhub.core.i18n import active_language

DISPLAY_NAME_HELP = _("Shown beside what you post. Leave it empty to appear as “A member”.")


def _optional_choices(choices: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Choose one")), *choices]


class SignupProfileForm(forms.Form):
    """The fields EquityHub adds to allauth's sign-up form, after the email and password."""

    field_order = ["email", "password1", "password2", "display_name", "profession", "region"]

    display_name = forms.CharField(
        label=_("Display name (optional)"),
        max_length=80,
        required=False,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": _("Enter a display name of 80 characters or fewer.")},
    )
    profession = forms.ChoiceField(
        label=_("Profession (optional)"),
        choices=_optional_choices(Profession.choices),
        required=False,
    )
    region = forms.ChoiceField(
        label=_("Region (optional)"), choices=_optional_choices(Region.choices), required=False
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        """allauth calls this once it has saved the new user."""
        # A member who signs up on the Welsh pages is taken to prefer Welsh.
        language = active_language()
        services.user_update_profile(
            user=user,
            display_name=self.cleaned_data["display_name"],
            preferred_language=language if language in Language.values else Language.ENGLISH,
            profession=self.cleaned_data["profession"],
            region=self.cleaned_data["region"],
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "profession", "region"]
        labels = {
            "display_name": _("Display name (optional)"),
            "preferred_language": _("Language for pages and emails"),
            "profession": _("Profession (optional)"),
            "region": _("Region (optional)"),
        }
        help_texts = {"display_name": DISPLAY_NAME_HELP}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "preferred_language": forms.RadioSelect,
        }
        error_messages = {
            "display_name": {
                "max_length": _("Enter a display name of 80 characters or fewer."),
            },
            "preferred_language": {
                "required": _("Choose the language for pages and emails."),
                "invalid_choice": _("Choose English or Cymraeg."),
            },
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["profession"].choices = _optional_choices(Profession.choices)  # type: ignore[attr-defined]
        self.fields["region"].choices = _optional_choices(Region.choices)  # type: ignore[attr-defined]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=60,
        help_text=_("What the token is for, such as “Reporting script”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Enter a name for the token."),
            "max_length": _("Enter a token name of 60 characters or fewer."),
        },
    )


class AccountDeleteForm(forms.Form):
    """The member's current password, asked for before their account is deleted."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not correct. Enter the password you use to sign in."),
                code="incorrect_password",
            )
        return password
