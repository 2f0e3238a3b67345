from equityhub.core.untranslated import (
    Message,
    installed_catalogues,
    is_translated,
    python_messages,
    template_messages,
)


def test_python_strings_with_plurals_and_context_are_read():
    source = """
from django.utils.translation import gettext_lazy as _, ngettext, pgettext

class Form:
    label = _("Email")
    help = _("One " "sentence.")

def count(n):
    return ngettext("%(n)s item", "%(n)s items", n) % {"n": n}

other = pgettext("field label", "Login")
name = _(some_variable)
"""
    assert list(python_messages(source)) == [
        Message("Email"),
        Message("One sentence."),
        Message("%(n)s item", "%(n)s items"),
        Message("Login", context="field label"),
    ]


def test_python_strings_can_be_limited_to_some_classes():
    source = """
from django.utils.translation import gettext_lazy as _

class Wanted:
    message = _("Kept")

class Unwanted:
    message = _("Left out")
"""
    assert list(python_messages(source, ("Wanted",))) == [Message("Kept")]


def test_template_strings_are_read_as_makemessages_reads_them():
    source = """{% load i18n %}
<h1>{% translate "Sign In" %}</h1>
<p>{% blocktranslate %}Hello {{ name }}, it's 100% done.{% endblocktranslate %}</p>
{% blocktranslate count counter=items|length %}One item.{% plural %}{{ counter }} items.\
{% endblocktranslate %}
{% translate "May" context "month name" %}
"""
    assert list(template_messages(source)) == [
        Message("Sign In"),
        Message("Hello %(name)s, it's 100%% done."),
        Message("One item.", "%(counter)s items."),
        Message("May", context="month name"),
    ]


def test_djangos_welsh_catalogue_counts_but_allauth_has_none():
    catalogues = installed_catalogues("cy")

    assert is_translated(Message("This field is required."), catalogues)
    assert not is_translated(Message("Remember Me"), catalogues)
    assert not is_translated(Message("A string nobody has ever written."), catalogues)
