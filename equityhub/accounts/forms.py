from django import forms
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from equityhub.accounts.models import Language, Profession, Region, User


class SignupProfileForm(forms.Form):
    """The fields EquityHub adds to allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Display name (optional)"),
        max_length=80,
        required=False,
        help_text=_("Shown beside what you post. Leave it empty to appear as “A member”."),
    )
    profession = forms.ChoiceField(
        label=_("Profession"), choices=[("", _("Choose one"))] + Profession.choices, required=False
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("Choose one"))] + Region.choices, required=False
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.profession = self.cleaned_data["profession"]
        user.region = self.cleaned_data["region"]
        # A member who signs up on the Welsh pages is taken to prefer Welsh.
        user.preferred_language = (get_language() or "en")[:2] if (get_language() or "en")[:2] in Language.values else "en"
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "profession", "region"]
        widgets = {"preferred_language": forms.RadioSelect}


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=60,
        help_text=_("What the token is for, such as “Reporting script”."),
        error_messages={"required": _("Enter a name for the token.")},
    )
