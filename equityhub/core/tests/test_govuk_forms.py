"""The GOV.UK form helpers behind allauth's pages and the account page."""

from django import forms

from equityhub.core.templatetags.govuk_forms import (
    ErrorLink,
    govuk_error_links,
    govuk_kind,
    govuk_widget,
    squash,
)


class ExampleForm(forms.Form):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"placeholder": "you@example.org"}))
    secret = forms.CharField(widget=forms.PasswordInput, help_text="Keep it secret.")
    code = forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}))
    colour = forms.ChoiceField(choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect)
    size = forms.ChoiceField(choices=[("s", "Small"), ("l", "Large")])
    agree = forms.BooleanField()
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def test_each_widget_becomes_a_govuk_component():
    form = ExampleForm()

    assert [govuk_kind(form[name]) for name in form.fields] == [
        "input",
        "password",
        "input",
        "radios",
        "select",
        "checkbox",
        "hidden",
    ]


def test_widgets_get_govuk_classes_and_lose_placeholders():
    form = ExampleForm(data={"email": "bad"})

    email = govuk_widget(form["email"])
    assert 'class="govuk-input govuk-input--error govuk-!-width-two-thirds"' in email
    assert 'spellcheck="false"' in email
    assert "placeholder" not in email
    assert 'aria-describedby="id_email_error"' in email
    secret = govuk_widget(form["secret"])
    assert "govuk-password-input__input" in secret
    assert 'aria-describedby="id_secret_helptext id_secret_error"' in secret
    code = govuk_widget(form["code"])
    assert "govuk-input--width-10" in code
    assert 'inputmode="numeric"' in code
    assert 'class="govuk-select govuk-select--error"' in govuk_widget(form["size"])
    assert 'class="govuk-checkboxes__input"' in govuk_widget(form["agree"])


def test_the_error_summary_links_each_error_to_its_field_in_page_order():
    form = ExampleForm(data={"email": "bad", "secret": "x", "code": "1", "size": "s"})

    assert govuk_error_links(form) == [
        ErrorLink("#id_email", "Something about the whole form."),
        ErrorLink("", "This field is required."),  # the hidden token
        ErrorLink("#id_email", "Enter a valid email address."),
        ErrorLink("#id_colour_0", "This field is required."),
        ErrorLink("#id_agree", "This field is required."),
    ]


def test_no_form_or_no_errors_means_no_summary():
    assert govuk_error_links(None) == []
    assert govuk_error_links("") == []
    assert govuk_error_links(ExampleForm()) == []


def test_squash_tidies_titles_built_from_blocks():
    assert squash("\n   Sign In\n  ") == "Sign In"
    assert squash("Error:\n\n  Sign   In") == "Error: Sign In"
