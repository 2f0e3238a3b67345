"""allauth's forms with error messages that say what to do (ACCOUNT_FORMS and MFA_FORMS).

"This field is required." does not say which field, in an error summary that lists several; each
form here names what is missing instead. Labels allauth writes in Title Case ("New Password") are
given in sentence case, as everywhere else on the site. This module is separate from forms.py
because allauth imports that one (ACCOUNT_SIGNUP_FORM_CLASS) while its own forms are still
loading.
"""

from typing import TYPE_CHECKING, Any

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ENTER_EMAIL = _("Enter your email address.")
ENTER_PASSWORD = _("Enter your password.")
ENTER_NEW_PASSWORD = _("Enter a new password.")
ENTER_NEW_PASSWORD_AGAIN = _("Enter the new password again.")
NEW_PASSWORD = _("New password")
NEW_PASSWORD_AGAIN = _("New password (again)")
ENTER_CODE = _("Enter the code from your authenticator app, or a recovery code.")


class RequiredMessages(forms.Form):
    """Gives named fields their own message for being left empty."""

    required_messages: "dict[str, StrOrPromise]" = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


class Labels(forms.Form):
    """Gives named fields our own labels."""

    labels: "dict[str, StrOrPromise]" = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            if name in self.fields:
                self.fields[name].label = label


class LoginForm(Labels, RequiredMessages, account_forms.LoginForm):
    required_messages = {"login": ENTER_EMAIL, "password": ENTER_PASSWORD}
    labels = {"remember": _("Remember me")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The sign-in page links to "Forgot your password?" on its own line: as the password's
        # hint, screen readers would read the link out as a description of the field.
        self.fields["password"].help_text = ""


class SignupForm(RequiredMessages, account_forms.SignupForm):
    required_messages = {
        "email": ENTER_EMAIL,
        "password1": _("Enter a password."),
        "password2": _("Enter the password again."),
    }


class ResetPasswordForm(RequiredMessages, account_forms.ResetPasswordForm):
    required_messages = {"email": ENTER_EMAIL}


class ResetPasswordKeyForm(Labels, RequiredMessages, account_forms.ResetPasswordKeyForm):
    required_messages = {"password1": ENTER_NEW_PASSWORD, "password2": ENTER_NEW_PASSWORD_AGAIN}
    labels = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class ChangePasswordForm(Labels, RequiredMessages, account_forms.ChangePasswordForm):
    required_messages = {
        "oldpassword": _("Enter your current password."),
        "password1": ENTER_NEW_PASSWORD,
        "password2": ENTER_NEW_PASSWORD_AGAIN,
    }
    labels = {
        "oldpassword": _("Current password"),
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD_AGAIN,
    }


class AddEmailForm(RequiredMessages, account_forms.AddEmailForm):
    required_messages = {"email": _("Enter the new email address.")}


class ReauthenticateForm(RequiredMessages, account_forms.ReauthenticateForm):
    required_messages = {"password": ENTER_PASSWORD}


class AuthenticateForm(RequiredMessages, mfa_forms.AuthenticateForm):
    required_messages = {"code": ENTER_CODE}


class MfaReauthenticateForm(RequiredMessages, mfa_forms.ReauthenticateForm):
    required_messages = {"code": ENTER_CODE}


class ActivateTOTPForm(RequiredMessages, totp_forms.ActivateTOTPForm):
    required_messages = {"code": _("Enter the code your authenticator app shows.")}
